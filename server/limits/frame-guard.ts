import { WebSocket } from 'ws';

/**
 * One WebSocket frame may batch at most `maxBatch` calls (tRPC's WebSocket adapter has no such
 * limit; its HTTP handler has maxBatchSize). A frame with more is answered at once, each of its
 * calls with TOO_MANY_REQUESTS, and none of them runs: a member's 5,000-call frame stalled every
 * other member for seconds. The socket class is ws's own, given to WebSocketServer.
 */
export function framesLimitedTo(maxBatch: number): typeof WebSocket {
  return class LimitedSocket extends WebSocket {
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'message' && args[1] === false) {
        const refused = refusedFrame(args[0], maxBatch);
        if (refused) {
          for (const reply of refused) this.send(reply);
          return true;
        }
      }
      return super.emit(event, ...args);
    }
  };
}

/** The replies to a frame batching more than `max` calls; null for any other frame. */
export function refusedFrame(data: unknown, max: number): string[] | null {
  // A batch is a JSON array; every call in it takes dozens of bytes, so a short frame is let by
  // unparsed (and a single call, an object, always is).
  if (!Buffer.isBuffer(data) || data.length <= max * 3) return null;
  let i = 0;
  while (i < data.length && data[i]! <= 0x20) i++;
  if (data[i] !== 0x5b) return null;
  let calls: unknown;
  try {
    calls = JSON.parse(data.toString('utf8'));
  } catch {
    return null; // tRPC answers it with PARSE_ERROR
  }
  if (!Array.isArray(calls) || calls.length <= max) return null;
  const message = `a frame may batch at most ${max} calls (this one had ${calls.length}): none of them ran`;
  return calls.flatMap((call) => {
    const { id, jsonrpc } = (call ?? {}) as { id?: unknown; jsonrpc?: unknown };
    if (typeof id !== 'number' && typeof id !== 'string') return [];
    const error = {
      message,
      code: -32029,
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
    };
    return [JSON.stringify({ id, ...(jsonrpc === '2.0' && { jsonrpc }), error })];
  });
}
