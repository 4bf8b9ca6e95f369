import { tracked } from '@trpc/server';
import type { ServerDeps } from '../services/deps.ts';
import { eventsAfter } from '../services/event-log.ts';
import { OrgFeed } from './org-feed.ts';

const feeds = new WeakMap<ServerDeps, Map<string, OrgFeed>>();

function feedFor(deps: ServerDeps, orgId: string): OrgFeed {
  let byOrg = feeds.get(deps);
  if (!byOrg) feeds.set(deps, (byOrg = new Map()));
  let feed = byOrg.get(orgId);
  if (!feed) {
    byOrg.set(orgId, (feed = new OrgFeed(deps.store.db, orgId)));
    deps.bus.subscribe(orgId, () => feed!.markDirty());
  }
  return feed;
}

/**
 * The org's events after `lastEventId`, then live, each once and in id order. It listens before
 * it reads, so an event committed between the two is still seen; the cursor drops duplicates.
 * Without `lastEventId` it starts at the present.
 */
export async function* streamEvents(
  deps: ServerDeps,
  orgId: string,
  lastEventId: number | null,
  signal: AbortSignal | undefined,
) {
  const feed = feedFor(deps, orgId);
  let woken = true;
  let wakeUp: (() => void) | null = null;
  const unsubscribe = deps.bus.subscribe(orgId, () => {
    woken = true;
    wakeUp?.();
  });
  const onAbort = () => wakeUp?.();
  signal?.addEventListener('abort', onAbort);
  try {
    await feed.refresh();
    // A cursor past the head means the log was reset under the client: start from the head.
    let cursor = Math.min(lastEventId ?? feed.headId, feed.headId);
    while (!signal?.aborted) {
      if (!woken) await new Promise<void>((resolve) => (wakeUp = resolve));
      wakeUp = null;
      woken = false;
      if (signal?.aborted) break;
      await feed.refresh();
      for (;;) {
        const batch = feed.after(cursor) ?? (await eventsAfter(deps.store.db, orgId, cursor, 500));
        for (const event of batch) {
          cursor = event.id;
          yield tracked(String(event.id), event);
        }
        if (batch.length === 0 || cursor >= feed.headId) break;
      }
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}
