import { nextFrame } from './observe.ts';
import type { PostRef } from './schemas/post.ts';

export interface MountQueueOptions {
  signal: AbortSignal;
  /** Whether the post's badge can be drawn in its final form now (its view arrived, …). */
  isReady(post: PostRef, waitedMs: number): boolean;
  mount(el: Element, post: PostRef): void;
  /** Host creation time per frame; React renders the new portals right after, same task. */
  frameBudgetMs?: number;
  maxPerFrame?: number;
}

/**
 * Posts wait here until their badge can be drawn once, in its final form. Each pass that changes
 * a box in every post of a long feed costs the page a layout and pre-paint walk (measured: about
 * 0.1 ms per post on a 1,000-post page), so drawing "Loading…" first and the state a moment later
 * would double that. Mounting is spread over frames (no long tasks on a 1,000-post feed).
 */
export function createMountQueue(options: MountQueueOptions) {
  const { signal, isReady, mount, frameBudgetMs = 4, maxPerFrame = 80 } = options;
  const waiting = new Map<Element, { post: PostRef; since: number }>();
  let cancelFrame: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (!cancelFrame && !signal.aborted && waiting.size > 0) cancelFrame = nextFrame(pump);
  };

  function pump() {
    cancelFrame = null;
    const start = performance.now();
    let mounted = 0;
    let blocked = false;
    for (const [el, { post, since }] of waiting) {
      if (mounted >= maxPerFrame || performance.now() - start > frameBudgetMs) return schedule();
      if (!isReady(post, start - since)) {
        blocked = true;
        continue;
      }
      waiting.delete(el);
      mounted += 1;
      mount(el, post);
    }
    // Not ready yet: look again when the store changes (wake) or after a while (time-out).
    if (blocked && retry === undefined && !signal.aborted)
      retry = setTimeout(() => {
        retry = undefined;
        schedule();
      }, 1_000);
  }

  signal.addEventListener(
    'abort',
    () => {
      cancelFrame?.();
      clearTimeout(retry);
    },
    { once: true },
  );

  return {
    add(el: Element, post: PostRef) {
      waiting.set(el, { post, since: waiting.get(el)?.since ?? performance.now() });
      schedule();
    },
    remove(el: Element) {
      waiting.delete(el);
    },
    /** The store changed: some waiting posts may be ready. */
    wake: schedule,
  };
}
