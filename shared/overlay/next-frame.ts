/**
 * Runs `callback` once before the next paint, or after `fallbackMs` when no frame comes: hidden
 * tabs get no animation frames, and posts there still need keys for the background.
 */
export function nextFrame(callback: () => void, fallbackMs = 250): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  const timer = setTimeout(run, fallbackMs);
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : null;
  const cancel = () => {
    done = true;
    clearTimeout(timer);
    if (frame !== null) cancelAnimationFrame(frame);
  };
  return cancel;
}

/**
 * Runs `callback` at the end of the current task (a microtask), cancellable. For work that must
 * land in the same frame as the page's own change without asking for a frame of its own: a
 * requestAnimationFrame from the overlay makes the browser run a whole frame (style, layout,
 * pre-paint, compositing of the page) even when the page changed nothing, and on the X replay
 * those frames doubled the page's frames (issue 15).
 */
export function endOfTask(callback: () => void): () => void {
  let cancelled = false;
  queueMicrotask(() => {
    if (!cancelled) callback();
  });
  return () => {
    cancelled = true;
  };
}

interface PostTaskScheduler {
  postTask(
    callback: () => void,
    options: { priority: string; signal?: AbortSignal },
  ): Promise<void>;
}

/**
 * Runs `callback` in a task of its own, after the page has had its turn (the rest of a long job
 * cut into slices): scheduler.postTask where present (Chrome), else a zero-delay timer. Neither
 * asks for a frame.
 */
export function nextTask(callback: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const controller = new AbortController();
    scheduler
      .postTask(callback, { priority: 'user-visible', signal: controller.signal })
      .catch(() => {}); // aborted
    return () => controller.abort();
  }
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
}
