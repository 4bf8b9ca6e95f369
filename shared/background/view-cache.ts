import type { ThreadView } from '../domain/schemas/thread.ts';
import type { OverlayView } from '../messaging/protocol.ts';
import type { CachedView, LocalDb } from './local-db.ts';

export function toOverlayView(v: CachedView): OverlayView {
  return { thread: v.thread, claim: v.claim, ...(v.pending && { pending: true }) };
}

/**
 * Views confirmed by the server go into the cache; a view with a queued action keeps showing
 * the action's outcome and only updates the confirmed copy it would roll back to. An older
 * answer (lower thread version) never replaces a newer one.
 */
export async function storeConfirmed(db: LocalDb, views: readonly ThreadView[]) {
  if (views.length === 0) return [];
  const keys = views.map((v) => v.thread.postKey);
  // Read and write in one transaction: the outbox settling the same post in between (a rollback)
  // must not be overwritten by the pending view read before it.
  return db.transaction('rw', db.views, async () => {
    const existing = await db.views.bulkGet(keys);
    const next: CachedView[] = views.map((v, i) => {
      const old = existing[i];
      if (old && old.thread.version > v.thread.version) return old;
      if (old?.pending) return { ...old, confirmed: { thread: v.thread, claim: v.claim } };
      return { postKey: v.thread.postKey, thread: v.thread, claim: v.claim };
    });
    await db.views.bulkPut(next);
    return next;
  });
}
