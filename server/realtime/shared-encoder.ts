import type { Encoder } from '@trpc/server/adapters/ws';

/**
 * tRPC's JSON encoding for WebSocket messages, with one difference: an event that many streams
 * send (every stream of an org yields the same object from the org's feed) is turned into JSON
 * once, not once per subscriber; each message wraps that text in its own envelope. What goes on
 * the wire is the same JSON.
 */
export function sharedEventEncoder(): Encoder {
  const texts = new WeakMap<object, string>();
  return {
    encode(message) {
      const event = trackedData(message);
      if (!event) return JSON.stringify(message);
      let text = texts.get(event);
      if (text === undefined) texts.set(event, (text = JSON.stringify(event)));
      const { result, ...envelope } = message as { result: { data: { data: unknown } } };
      const { data: tracked, ...resultRest } = result;
      const { data: _event, ...trackedRest } = tracked;
      // `data` comes last at each level, so the shell ends with the placeholder's `null}}}`.
      const shell = JSON.stringify({
        ...envelope,
        result: { ...resultRest, data: { ...trackedRest, data: null } },
      });
      return shell.slice(0, -'null}}}'.length) + text + '}}}';
    },
    decode(data) {
      if (typeof data !== 'string') throw new Error('expected a text frame');
      return JSON.parse(data);
    },
  };
}

/** The event of a subscription's data message (`tracked(id, event)`), or null. */
function trackedData(message: unknown): object | null {
  const result = (message as { result?: { type?: string; data?: { data?: unknown } } }).result;
  if (result?.type !== 'data') return null;
  const event = result.data?.data;
  return event !== null && typeof event === 'object' ? event : null;
}
