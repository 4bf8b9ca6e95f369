import { describe, expect, it } from 'vitest';
import { sharedEventEncoder } from './shared-encoder.ts';

describe('shared event encoder', () => {
  const event = { id: 7, type: 'claim.acquired', postKey: 'x:1', data: { note: 'a "quote"' } };
  const message = (id: number) => ({
    id,
    jsonrpc: '2.0',
    result: { type: 'data', data: { id: '7', data: event }, id: '7' },
  });

  it('writes the same JSON as JSON.stringify, serialising a shared event once', () => {
    const encoder = sharedEventEncoder();
    for (const id of [1, 2, 3]) {
      const text = encoder.encode(message(id));
      expect(JSON.parse(text as string)).toEqual(message(id));
    }
    let calls = 0;
    const counted = { ...event, toJSON: () => (calls++, { id: 8 }) };
    for (const id of [1, 2])
      encoder.encode({
        ...message(id),
        result: { type: 'data', data: { id: '8', data: counted } },
      });
    expect(calls).toBe(1);
  });

  it('leaves every other message to JSON.stringify', () => {
    const encoder = sharedEventEncoder();
    const others = [
      { id: 1, result: { type: 'started' } },
      { id: 2, result: { type: 'data', data: { token: 3, expiresAt: 4 } } },
      { id: 3, error: { message: 'no', code: -32600 } },
      { id: 4, result: { type: 'data', data: null } },
    ];
    for (const m of others) expect(encoder.encode(m)).toBe(JSON.stringify(m));
    expect(encoder.decode('{"a":1}')).toEqual({ a: 1 });
  });
});
