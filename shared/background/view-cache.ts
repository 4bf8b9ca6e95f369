import type { ThreadView } from '../domain/schemas/thread.ts';
import type { OverlayView } from '../messaging/protocol.ts';
import type { CachedView, LocalDb } from './local-db.ts';

export function toOverlayView(v: CachedView): OverlayView {
  return { thread: v.thread, claim: v.claim, ...(v.pending && { pending: true }) };
}

/**
 * Views confirmed by the server go into the cache; a view with a queued action keeps showing
 * the action's outcome and only updates the confirmed copy it would roll back to. An older
 * answer (lower thread version) never replaces a newer one. `latest`: what to store in place of
 * each view of the answer (an event's that overtook it: ViewLookups).
 */
export async function storeConfirmed(
  db: LocalDb,
  answer: readonly ThreadView[],
  latest: (view: ThreadView) => ThreadView = (view) => view,
) {
  if (answer.length === 0) return [];
  // Read and write in one transaction: the outbox settling the same post in between (a rollback)
  // must not be overwritten by the pending view read before it.
  return db.transaction('rw', db.views, async () => {
    // Decided as the transaction starts: a write queued after it runs after it.
    const views = answer.map(latest);
    const existing = await db.views.bulkGet(views.map((v) => v.thread.postKey));
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

/**
 * Views the background asks the server for (a lookup) race the event stream: an answer read
 * before a change can arrive after the change's event, and a claim does not move the thread's
 * version, so the cache cannot tell the older view by itself. The stream reports each event's
 * view here; where an event for a post arrived while a lookup was out, the event's view is
 * stored instead of the answer's (it is as new or newer; any later change comes as an event too).
 */
export class ViewLookups {
  /** Events with a view received so far. */
  private arrived = 0;
  /**
   * While lookups are out: each post's last event view, with its arrival count, oldest first;
   * only what arrived after the oldest lookup out began is kept.
   */
  private readonly lastArrival = new Map<string, { n: number; view: ThreadView }>();
  /** Where each lookup out began (its `arrived`), in the order they began. */
  private readonly out: number[] = [];

  constructor(private readonly db: LocalDb) {}

  /** The stream received an event carrying this view of a post. */
  eventArrived(view: ThreadView) {
    this.arrived++;
    if (this.out.length === 0) return;
    this.lastArrival.delete(view.thread.postKey); // re-inserted last: the map stays in order
    this.lastArrival.set(view.thread.postKey, { n: this.arrived, view });
  }

  /** Views the stream brought meanwhile (tests; bounded by the lookups out). */
  get held(): number {
    return this.lastArrival.size;
  }

  /**
   * Asks the server (`call`), then hands its answer to `use` with `store`, which caches the
   * answer's views (storeConfirmed), each replaced by an event's that overtook it, and returns
   * what it stored; `latest` is that replacement, for a caller storing a view its own way.
   */
  async lookUp<T, R>(
    call: () => Promise<T>,
    use: (
      answer: T,
      store: (views: readonly ThreadView[]) => Promise<CachedView[]>,
      latest: (view: ThreadView) => ThreadView,
    ) => R,
  ): Promise<Awaited<R>> {
    const since = this.arrived;
    this.out.push(since);
    try {
      const answer = await call();
      const latest = (view: ThreadView) => {
        const event = this.lastArrival.get(view.thread.postKey);
        return event && event.n > since ? event.view : view;
      };
      return await use(answer, (views) => storeConfirmed(this.db, views, latest), latest);
    } finally {
      this.out.splice(this.out.indexOf(since), 1);
      const oldest = this.out[0] ?? Infinity;
      for (const [key, { n }] of this.lastArrival) {
        if (n > oldest) break;
        this.lastArrival.delete(key);
      }
    }
  }
}
