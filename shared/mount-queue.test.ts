import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMountQueue } from './mount-queue.ts';
import type { PostRef } from './schemas/post.ts';

const post = (id: string) => ({ key: `x:${id}` }) as PostRef;
const el = () => ({}) as Element;

describe('mount queue', () => {
  let abort: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    abort = new AbortController();
  });
  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
  });

  it('mounts a post once it is ready, and each element once', async () => {
    const ready = new Set<string>();
    const mount = vi.fn();
    const q = createMountQueue({
      signal: abort.signal,
      mount,
      isReady: (p, waited) => ready.has(p.key) || waited > 3_000,
    });
    const [a, b] = [el(), el()];
    q.add(a, post('1'));
    q.add(b, post('2'));
    q.add(a, post('1'));
    await vi.advanceTimersByTimeAsync(300);
    expect(mount).not.toHaveBeenCalled();
    ready.add('x:1');
    q.wake();
    await vi.advanceTimersByTimeAsync(300);
    expect(mount.mock.calls).toEqual([[a, post('1')]]);
    // The other one is drawn anyway once it has waited too long.
    await vi.advanceTimersByTimeAsync(4_000);
    expect(mount.mock.calls).toEqual([
      [a, post('1')],
      [b, post('2')],
    ]);
  });

  it('spreads a large batch over frames and forgets removed elements', async () => {
    const mount = vi.fn();
    const q = createMountQueue({
      signal: abort.signal,
      mount,
      isReady: () => true,
      maxPerFrame: 2,
    });
    const els = [el(), el(), el(), el(), el()];
    els.forEach((e, i) => q.add(e, post(String(i))));
    q.remove(els[4]!);
    await vi.advanceTimersByTimeAsync(260);
    expect(mount).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(600);
    expect(mount).toHaveBeenCalledTimes(4);
  });
});
