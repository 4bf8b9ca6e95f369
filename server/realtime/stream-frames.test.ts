import { describe, expect, it } from 'vitest';
import { FrameCache, trackedDataMessage } from './stream-frames.ts';
import type { SyncEvent } from '../../shared/domain/schemas/index.ts';

const event = {
  id: 42,
  type: 'claim.acquired',
  postKey: 'x:1',
  actorId: 'm1',
  at: 1,
  thread: null,
  claim: null,
  data: { note: 'a "quote" and ünïcode' },
} as unknown as SyncEvent;

/** What tRPC's WebSocket adapter builds for a value yielded as tracked(id, data) (`respond`). */
function adapterMessage(id: number | string, jsonrpc: '2.0' | undefined) {
  const result: Record<string, unknown> = { type: 'data', data: event };
  result.id = String(event.id);
  result.data = { id: String(event.id), data: event };
  return { id, jsonrpc, result };
}

describe('stream frames', () => {
  it("write, byte for byte, the JSON tRPC's adapter sends for a tracked event", () => {
    for (const [id, jsonrpc] of [
      [1, undefined],
      [7, '2.0'],
      ['sub-"a"', undefined],
    ] as const) {
      const text = trackedDataMessage({ id, jsonrpc }, event.id, JSON.stringify(event));
      expect(text).toBe(JSON.stringify(adapterMessage(id, jsonrpc)));
    }
  });

  it('share one Buffer per event among the subscriptions with the same id', () => {
    const frames = new FrameCache();
    const a = frames.frame(event, { id: 1 });
    expect(frames.frame(event, { id: 1 })).toBe(a);
    expect(frames.frame(event, { id: '1' })).not.toBe(a);
    expect(frames.frame(event, { id: 1, jsonrpc: '2.0' })).not.toBe(a);
    expect(a.toString()).toBe(JSON.stringify(adapterMessage(1, undefined)));
  });
});
