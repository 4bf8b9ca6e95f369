import type { Store } from '../db/connect.ts';
import { readNow } from '../db/dialect.ts';
import { answerMetrics, metricsByDepartment } from '../../shared/domain/metrics.ts';
import { consultWaits } from '../../shared/domain/consult-metrics.ts';

export interface MetricsRange {
  from?: number;
  to?: number;
  departmentId?: string;
  /** Any of these (a lead's own; at least one, as zMetricsInput asks); leaves unrouted out. */
  departmentIds?: string[];
  /** The caller's offset from UTC, so the daily series splits days at their midnight. */
  utcOffsetMinutes?: number;
}

/**
 * First response time (first seen to first answer) per department for threads first seen in
 * [from, to), plus the open and overdue counts as of now. Answers per member and the daily series
 * count threads *answered* in [from, to): a post seen last month and answered today is today's work.
 * The math is shared/domain/metrics.ts; this reads the rows.
 */
export async function metricsSummary({ db, dialect }: Store, orgId: string, range: MetricsRange) {
  const now = await readNow(db, dialect);
  let q = db
    .selectFrom('threads')
    .select([
      'department_id as departmentId',
      'status',
      'first_seen_at as firstSeenAt',
      'answered_at as answeredAt',
      'due_at as dueAt',
    ])
    .where('org_id', '=', orgId);
  if (range.from !== undefined) q = q.where('first_seen_at', '>=', range.from);
  if (range.to !== undefined) q = q.where('first_seen_at', '<', range.to);
  if (range.departmentId) q = q.where('department_id', '=', range.departmentId);
  if (range.departmentIds) q = q.where('department_id', 'in', range.departmentIds);
  const departments = metricsByDepartment(await q.execute(), now);
  return {
    now,
    departments,
    ...answerMetrics(await answers(db, orgId, range), range.utcOffsetMinutes),
    consults: consultWaits(await consults(db, orgId, range), now),
  };
}

/**
 * Consults asked in the range, and every one still open (a wait that began earlier is still a
 * wait now), that concern the departments shown: asked by one of their posts, or asked of them.
 */
async function consults(db: Store['db'], orgId: string, range: MetricsRange) {
  let q = db
    .selectFrom('consults')
    .select([
      'department_id as departmentId',
      'status',
      'opened_at as openedAt',
      'closed_at as closedAt',
    ])
    .where('org_id', '=', orgId)
    .where((eb) => {
      const inRange = [];
      if (range.from !== undefined) inRange.push(eb('opened_at', '>=', range.from));
      if (range.to !== undefined) inRange.push(eb('opened_at', '<', range.to));
      return eb.or([eb.and(inRange), eb('status', '=', 'open')]);
    });
  const scope = range.departmentId ? [range.departmentId] : range.departmentIds;
  if (scope)
    q = q.where((eb) =>
      eb.or([eb('department_id', 'in', scope), eb('owner_department_id', 'in', scope)]),
    );
  return q.execute();
}

/** Threads answered in the range, with the answerer named from the members table (people who
 * left keep their name). */
async function answers(db: Store['db'], orgId: string, range: MetricsRange) {
  let q = db
    .selectFrom('threads')
    .leftJoin('members', (j) =>
      j.onRef('members.id', '=', 'threads.answered_by').on('members.org_id', '=', orgId),
    )
    .select([
      'threads.answered_by as answeredBy',
      'members.name',
      'threads.first_seen_at as firstSeenAt',
      'threads.answered_at as answeredAt',
    ])
    .where('threads.org_id', '=', orgId)
    .where('threads.answered_at', 'is not', null);
  if (range.from !== undefined) q = q.where('threads.answered_at', '>=', range.from);
  if (range.to !== undefined) q = q.where('threads.answered_at', '<', range.to);
  if (range.departmentId) q = q.where('threads.department_id', '=', range.departmentId);
  if (range.departmentIds) q = q.where('threads.department_id', 'in', range.departmentIds);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, answeredAt: r.answeredAt! }));
}
