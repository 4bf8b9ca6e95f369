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
