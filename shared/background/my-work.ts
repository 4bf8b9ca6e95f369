import type { MyWork } from '../messaging/protocol.ts';
import type { Member } from '../domain/schemas/org.ts';
import type { ThreadView } from '../domain/schemas/thread.ts';
import type { LocalDb } from './local-db.ts';
import type { ServerClient } from './server-link.ts';

function byDue(a: ThreadView, b: ThreadView) {
  return (a.thread.dueAt ?? Infinity) - (b.thread.dueAt ?? Infinity);
}

function isMine(v: ThreadView, me: Member, now: number) {
  const holds = v.claim?.holderId === me.id && v.claim.expiresAt > now;
  return holds || (v.thread.assigneeId === me.id && v.thread.status === 'open');
}

/** From the server when online; from the cache (possibly stale, and said so) when not. */
export async function loadMyWork(
  client: ServerClient | null,
  db: LocalDb,
  me: Member,
): Promise<MyWork> {
  if (client) {
    const mineToAnswer = me.departmentIds.length > 0;
    const [claimed, assigned, queue, asked] = await Promise.all([
      client.queue.list.query({ claimedBy: me.id, limit: 50 }),
      client.queue.list.query({ assigneeId: me.id, limit: 50 }),
      client.queue.list.query({ departmentIds: me.departmentIds, limit: 100 }),
      mineToAnswer
        ? client.queue.list.query({ waitingOn: me.departmentIds, limit: 50 })
        : { items: [] },
    ]);
    const mine = new Map([...claimed.items, ...assigned.items].map((v) => [v.thread.postKey, v]));
    return {
      mine: [...mine.values()].sort(byDue),
      queue: queue.items,
      asked: asked.items,
      now: queue.now,
      fromCache: false,
    };
  }
  const now = Date.now();
  const all = await db.views.toArray();
  return {
    mine: all.filter((v) => isMine(v, me, now)).sort(byDue),
    queue: all
      .filter(
        (v) =>
          v.thread.status === 'open' &&
          v.thread.departmentId !== null &&
          me.departmentIds.includes(v.thread.departmentId),
      )
      .sort(byDue),
    asked: all.filter((v) =>
      v.thread.waitingOn.some((w) => me.departmentIds.includes(w.departmentId)),
    ),
    now,
    fromCache: true,
  };
}
