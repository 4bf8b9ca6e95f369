import { nextFrame } from './next-frame.ts';

export interface RevealQueueOptions {
  signal: AbortSignal;
  /** Whether the post's badge can be drawn in its final form now (near the viewport, its view
   *  arrived, …). */
  isReady(postKey: string, waitedMs: number, el: Element): boolean;
  reveal(el: Element): void;
  maxPerFrame?: number;
  /**
   * The least time between two frames that draw badges. On a long page every frame that lays
   * out anything costs the page's whole-document passes (the 1,000-post page: 15-30 ms each),
   * and one per scroll step, on top of the scroll's own, made tasks over 50 ms while scrolling;
   * fewer, fuller batches do not (posts come near NEAR_PX ahead, so they are drawn in time).
   */
  minGapMs?: number;
}

/**
 * For posts that came in a large batch (a page loading many at once) and have come near the
 * viewport: their hosts went into the page at once, their height reserved by frame.css, and
 * wait here until their badge can be drawn once in its final form (a few new posts, a person
 * scrolling, are drawn at once instead: start-overlay.tsx). Why: every change of a post's height moves
 * every post below it, and on a long feed the browser's re-layout and pre-paint of what moved
 * dominates everything the overlay does (measured on the 1,000-post bench page: about 0.4 ms per
 * post for ONE pass, even for plain 36 px divs inserted by the page itself). So all hosts are
 * inserted in one pass; drawing into reserved boxes moves nothing, and is spread over frames, a
 * few badges per frame (React draws a revealed bucket in the same task: 100 at once was a long
 * task on the 1,000-post page).
 */
export function createRevealQueue(options: RevealQueueOptions) {
  const { signal, isReady, reveal, maxPerFrame = 25, minGapMs = 0 } = options;
  const waiting = new Map<Element, { postKey: string; since: number }>();
  let cancelFrame: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lastPump = -Infinity;

  const schedule = () => {
    if (cancelFrame || signal.aborted || waiting.size === 0) return;
    const wait = lastPump + minGapMs - performance.now();
    if (wait <= 0) {
      cancelFrame = nextFrame(pump);
      return;
    }
    const timer = setTimeout(() => {
      cancelFrame = null;
      schedule();
    }, wait);
    cancelFrame = () => clearTimeout(timer);
  };

  function pump() {
    cancelFrame = null;
    const now = performance.now();
    lastPump = now;
    let revealed = 0;
    let blocked = false;
    for (const [el, { postKey, since }] of waiting) {
      if (revealed >= maxPerFrame) return schedule();
      if (!isReady(postKey, now - since, el)) {
        blocked = true;
        continue;
      }
      waiting.delete(el);
      revealed += 1;
      reveal(el);
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
    add(el: Element, postKey: string) {
      waiting.set(el, { postKey, since: waiting.get(el)?.since ?? performance.now() });
      schedule();
    },
    remove(el: Element) {
      waiting.delete(el);
    },
    /** The store changed: some waiting posts may be ready. */
    wake: schedule,
  };
}
