import { sql } from 'kysely';
import type { Store } from '../db/connect.ts';
import { readNow } from '../db/dialect.ts';
import type { Platform, ThreadStatus, ThreadView } from '../../shared/domain/schemas/index.ts';
import { loadClaims, toClaim, toThread } from './views.ts';

export interface QueueFilter {
  departmentId?: string;
  departmentIds?: string[];
  claimedBy?: string;
  waitingOn?: string[];
  status?: ThreadStatus[];
  assigneeId?: string;
  platform?: Platform;
  overdue?: boolean;
  limit: number;
}

/** Threads ordered by SLA due time (those without one last), with their live claims. */
export async function listQueue(
  { db, dialect }: Store,
  orgId: string,
  filter: QueueFilter,
): Promise<{ now: number; items: ThreadView[] }> {
  const now = await readNow(db, dialect);
  let q = db
    .selectFrom('threads')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', 'in', filter.status?.length ? filter.status : ['open']);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.departmentIds) {
    if (filter.departmentIds.length === 0) return { now, items: [] };
    q = q.where('department_id', 'in', filter.departmentIds);
  }
  if (filter.claimedBy)
    q = q.where('post_key', 'in', (eb) =>
      eb
        .selectFrom('claims')
        .select('post_key')
        .where('org_id', '=', orgId)
        .where('holder_id', '=', filter.claimedBy!)
        .where('expires_at', '>', now),
    );
  if (filter.waitingOn)
    q = q.where('post_key', 'in', (eb) =>
      eb
        .selectFrom('consults')
        .select('post_key')
        .where('org_id', '=', orgId)
        .where('status', '=', 'open')
        .where('department_id', 'in', filter.waitingOn!),
    );
  if (filter.assigneeId) q = q.where('assignee_id', '=', filter.assigneeId);
  if (filter.platform) q = q.where('platform', '=', filter.platform);
  if (filter.overdue) q = q.where('due_at', '<=', now);
  const threads = await q
    .orderBy(sql`case when due_at is null then 1 else 0 end`)
    .orderBy('due_at')
    .orderBy('first_seen_at')
    .limit(filter.limit)
    .execute();
  const claims = await loadClaims(
    db,
    orgId,
    threads.map((t) => t.post_key),
  );
  return {
    now,
    items: threads.map((t) => ({
      thread: toThread(t),
      claim: toClaim(claims.get(t.post_key), now),
    })),
  };
}
