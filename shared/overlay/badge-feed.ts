import type { OverlayStore } from './overlay-store.ts';

export interface BadgeFeed {
  /** Calls `listener` when this post's view, pending action or note changes. */
  subscribePost(postKey: string, listener: () => void): () => void;
  /** Calls `listener` when the session (who I am, departments, connection) changes. */
  subscribeSession(listener: () => void): () => void;
}

/**
 * One store listener for every badge, waking only the badges whose post changed. With a
 * selector per badge subscribed to the store, each update (a background pushing views one by
 * one while a feed loads) ran 1,000 selectors: measured on the 1,000-post bench about 2-4 ms per
 * update, for seconds. Here an update wakes only the posts it names (OverlayState.changed).
 */
export function createBadgeFeed(store: OverlayStore): BadgeFeed {
  const byPost = new Map<string, Set<() => void>>();
  const onSession = new Set<() => void>();
  store.subscribe((state, before) => {
    if (state.session !== before.session) for (const listener of onSession) listener();
    for (const key of new Set(state.changed))
      for (const listener of byPost.get(key) ?? []) listener();
  });
  return {
    subscribePost(postKey, listener) {
      let listeners = byPost.get(postKey);
      if (!listeners) byPost.set(postKey, (listeners = new Set()));
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) byPost.delete(postKey);
      };
    },
    subscribeSession(listener) {
      onSession.add(listener);
      return () => onSession.delete(listener);
    },
  };
}
