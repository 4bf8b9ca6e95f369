import { describe, expect, it } from 'vitest';
import { nextStatus } from './thread-state.ts';

describe('thread status transitions', () => {
  it('answers, resolves, dismisses and reopens along the allowed paths', () => {
    expect(nextStatus('open', 'answer')).toEqual({ ok: true, status: 'answered' });
    expect(nextStatus('answered', 'resolve')).toEqual({ ok: true, status: 'resolved' });
    expect(nextStatus('open', 'dismiss')).toEqual({ ok: true, status: 'dismissed' });
    expect(nextStatus('dismissed', 'reopen')).toEqual({ ok: true, status: 'open' });
  });

  it('refuses the rest with a message that says why', () => {
    expect(nextStatus('answered', 'answer')).toEqual({
      ok: false,
      error: 'cannot answer a thread that is answered',
    });
    expect(nextStatus('open', 'reopen').ok).toBe(false);
    expect(nextStatus('resolved', 'dismiss').ok).toBe(false);
  });
});
