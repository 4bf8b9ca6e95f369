import { useSyncExternalStore } from 'react';

// One clock for every overlay on the page: a thousand countdowns share one interval, which runs
// only while a countdown is on screen. SLA text has minute resolution, so 15 s steps suffice.
const STEP_MS = 15_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), STEP_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Stable within a step, so React sees the same snapshot until the clock moves. */
const snapshot = () => Math.floor(Date.now() / STEP_MS) * STEP_MS;

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
