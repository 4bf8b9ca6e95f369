import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Store } from '../db/connect.ts';
import { readNow } from '../db/dialect.ts';

export interface DepartmentMetrics {
  departmentId: string | null;
  seen: number;
  answered: number;
  open: number;
  overdue: number;
  /** Answered after the due time, or still open past it. */
  breaches: number;
  slaMetPercent: number | null;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
}

export interface MetricsRange {
  from?: number;
  to?: number;
  departmentId?: string;
  /** Any of these (a lead's own; at least one, as zMetricsInput asks); leaves unrouted out. */
  departmentIds?: string[];
  /** The caller's offset from UTC, so the daily series splits days at their midnight. */
  utcOffsetMinutes?: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const ascending = (a: number, b: number) => a - b;

/**
 * First response time (first seen to first answer) per department for threads first seen in
 * [from, to), plus the open and overdue counts as of now. Answers per member and the daily series
 * count threads *answered* in [from, to): a post seen last month and answered today is today's work.
 */
export async function metricsSummary({ db, dialect }: Store, orgId: string, range: MetricsRange) {
  const now = await readNow(db, dialect);
  let q = db
    .selectFrom('threads')
    .select(['department_id', 'status', 'first_seen_at', 'answered_at', 'due_at'])
    .where('org_id', '=', orgId);
  if (range.from !== undefined) q = q.where('first_seen_at', '>=', range.from);
  if (range.to !== undefined) q = q.where('first_seen_at', '<', range.to);
  if (range.departmentId) q = q.where('department_id', '=', range.departmentId);
  if (range.departmentIds) q = q.where('department_id', 'in', range.departmentIds);
  const threads = await q.execute();
  const groups = new Map<string | null, typeof threads>();
  for (const t of threads) {
    const list = groups.get(t.department_id);
    if (list) list.push(t);
    else groups.set(t.department_id, [t]);
  }
  const departments: DepartmentMetrics[] = [...groups].map(([departmentId, list]) => {
    const times = list
      .filter((t) => t.answered_at !== null)
      .map((t) => t.answered_at! - t.first_seen_at)
      .sort(ascending);
    const open = list.filter((t) => t.status === 'open');
    const overdue = open.filter((t) => t.due_at !== null && t.due_at <= now).length;
    const judged = list.filter(
      (t) => t.due_at !== null && (t.answered_at !== null || t.due_at <= now),
    );
    const lateAnswers = judged.filter(
      (t) => t.answered_at !== null && t.answered_at > t.due_at!,
    ).length;
    const breaches = lateAnswers + overdue;
    return {
      departmentId,
      seen: list.length,
      answered: times.length,
      open: open.length,
      overdue,
      breaches,
      slaMetPercent: judged.length
        ? Math.round((1000 * (judged.length - breaches)) / judged.length) / 10
        : null,
      firstResponseMedianMs: percentile(times, 50),
      firstResponseP90Ms: percentile(times, 90),
    };
  });
  return { now, departments, ...(await answerStats(db, orgId, range)) };
}

const DAY = 86_400_000;

/** Answers per member (named from the members table, so people who left keep their name) and
 * the median first response per day of the answer. */
async function answerStats(db: Kysely<Database>, orgId: string, range: MetricsRange) {
  let q = db
    .selectFrom('threads')
    .leftJoin('members', (j) =>
      j.onRef('members.id', '=', 'threads.answered_by').on('members.org_id', '=', orgId),
    )
    .select(['threads.answered_by', 'members.name', 'threads.first_seen_at', 'threads.answered_at'])
    .where('threads.org_id', '=', orgId)
    .where('threads.answered_at', 'is not', null);
  if (range.from !== undefined) q = q.where('threads.answered_at', '>=', range.from);
  if (range.to !== undefined) q = q.where('threads.answered_at', '<', range.to);
  if (range.departmentId) q = q.where('threads.department_id', '=', range.departmentId);
  if (range.departmentIds) q = q.where('threads.department_id', 'in', range.departmentIds);
  const answers = await q.execute();

  const counts = new Map<string, number>();
  const memberNames: Record<string, string> = {};
  const offset = (range.utcOffsetMinutes ?? 0) * 60_000;
  const days = new Map<number, number[]>();
  for (const a of answers) {
    if (a.answered_by) {
      counts.set(a.answered_by, (counts.get(a.answered_by) ?? 0) + 1);
      if (a.name !== null) memberNames[a.answered_by] = a.name;
    }
    // The caller's local midnight, as epoch ms.
    const day = Math.floor((a.answered_at! + offset) / DAY) * DAY - offset;
    const list = days.get(day) ?? [];
    list.push(a.answered_at! - a.first_seen_at);
    days.set(day, list);
  }
  return {
    answeredByMember: [...counts]
      .map(([memberId, answered]) => ({ memberId, answered }))
      .sort((a, b) => b.answered - a.answered),
    memberNames,
    daily: [...days]
      .sort(([a], [b]) => a - b)
      .map(([day, times]) => ({
        day,
        answered: times.length,
        medianMs: percentile(times.sort(ascending), 50)!,
      })),
  };
}
