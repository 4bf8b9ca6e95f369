import type { WebSocket } from 'ws';
import type { Encoder } from '@trpc/server/adapters/ws';
import type { SubscriptionAddress } from './stream-frames.ts';

/** Past this much unsent data a subscriber is cut off; its client reconnects and resumes. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * One WebSocket connection as event streams see it. tRPC's adapter runs the connection
 * (requests, the stream's start, stop and errors); an event stream on it writes its events to
 * the socket itself, as ready-made frames in tRPC's wire format, instead of yielding each one
 * through tRPC's per-stream async iterator, envelope and JSON (77.7 µs per subscriber per event
 * against 18.3 µs for a bare broadcast: BENCHMARKS.md).
 *
 * To write tRPC's messages the stream needs its subscription id, which tRPC gives the procedure
 * no way to see. The adapter announces it itself: it starts the stream's generator and, in the
 * same synchronous turn, sends `{id, result: {type: 'started'}}` through this connection's
 * encoder. So a generator that calls `address()` as its first step is told its id; if a later
 * tRPC did it otherwise, `address()` finds nothing and the stream yields through tRPC as before.
 */
export class StreamSocket {
  readonly encoder: Encoder;
  private starting: ((to: SubscriptionAddress) => void) | null = null;

  constructor(
    private ws: WebSocket,
    base: Encoder,
  ) {
    this.encoder = {
      encode: (message) => {
        if (this.starting) this.noticeStart(message);
        return base.encode(message);
      },
      decode: (data) => base.decode(data),
    };
  }

  /** The subscription id of the stream whose generator is starting now (see above), or null. */
  async address(): Promise<SubscriptionAddress | null> {
    let found: SubscriptionAddress | null = null;
    this.starting = (to) => (found = to);
    await null; // the adapter sends 'started' before any promise callback runs
    this.starting = null;
    return found;
  }

  /** Writes one text frame; false when the socket is gone or hopelessly behind. */
  send(frame: Buffer): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      // A reader this far behind would hold the server's memory; its client resumes from its
      // last event id when it reconnects, so nothing is lost.
      this.ws.terminate();
      return false;
    }
    this.ws.send(frame, { binary: false });
    return true;
  }

  private noticeStart(message: unknown): void {
    const m = message as { id?: unknown; jsonrpc?: '2.0'; result?: { type?: string } };
    if (m.result?.type !== 'started') return;
    if (typeof m.id !== 'number' && typeof m.id !== 'string') return;
    const found = this.starting!;
    this.starting = null;
    found({ id: m.id, ...(m.jsonrpc !== undefined && { jsonrpc: m.jsonrpc }) });
  }
}
