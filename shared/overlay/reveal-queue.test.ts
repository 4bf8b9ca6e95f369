import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRevealQueue } from './reveal-queue.ts';

const el = () => ({}) as Element;

describe('reveal queue', () => {
  let abort: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    abort = new AbortController();
  });
  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
  });

  it('reveals a post once it is ready, and each element once', async () => {
    const ready = new Set<string>();
    const reveal = vi.fn();
    const q = createRevealQueue({
      signal: abort.signal,
      reveal,
      isReady: (key, waited) => ready.has(key) || waited > 3_000,
    });
    const [a, b] = [el(), el()];
    q.add(a, 'x:1');
    q.add(b, 'x:2');
    q.add(a, 'x:1');
    await vi.advanceTimersByTimeAsync(300);
    expect(reveal).not.toHaveBeenCalled();
    ready.add('x:1');
    q.wake();
    await vi.advanceTimersByTimeAsync(300);
    expect(reveal.mock.calls).toEqual([[a]]);
    // The other one is drawn anyway once it has waited too long.
    await vi.advanceTimersByTimeAsync(4_000);
    expect(reveal.mock.calls).toEqual([[a], [b]]);
  });

  it('spreads a large batch over frames and forgets removed elements', async () => {
    const reveal = vi.fn();
    const q = createRevealQueue({
      signal: abort.signal,
      reveal,
      isReady: () => true,
      maxPerFrame: 2,
    });
    const els = [el(), el(), el(), el(), el()];
    els.forEach((e, i) => q.add(e, `x:${i}`));
    q.remove(els[4]!);
    await vi.advanceTimersByTimeAsync(260);
    expect(reveal).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(600);
    expect(reveal).toHaveBeenCalledTimes(4);
  });

  it('draws batches at least minGapMs apart, what came meanwhile together', async () => {
    const reveal = vi.fn();
    const q = createRevealQueue({
      signal: abort.signal,
      reveal,
      isReady: () => true,
      minGapMs: 1_000,
    });
    const [a, b, c] = [el(), el(), el()];
    q.add(a, 'x:1');
    await vi.advanceTimersByTimeAsync(260); // no frames here: the 250 ms fallback
    expect(reveal.mock.calls).toEqual([[a]]);
    q.add(b, 'x:2');
    await vi.advanceTimersByTimeAsync(300);
    q.add(c, 'x:3');
    await vi.advanceTimersByTimeAsync(300);
    expect(reveal).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(700);
    expect(reveal.mock.calls).toEqual([[a], [b], [c]]);
  });
});
