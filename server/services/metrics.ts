import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { dbNow } from '../db/clock.ts';
import type { DialectName } from '../db/connect.ts';

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

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * First response time (first seen to first answer) per department for threads first seen in
 * [from, to), plus the open and overdue counts as of now.
 */
export async function metricsSummary(
  db: Kysely<Database>,
  dialect: DialectName,
  orgId: string,
  range: { from?: number; to?: number; departmentId?: string },
) {
  const { rows } = await sql<{ now: number }>`select ${dbNow(dialect)} as now`.execute(db);
  const now = Number(rows[0]!.now);
  let q = db
    .selectFrom('threads')
    .select(['department_id', 'status', 'first_seen_at', 'answered_at', 'answered_by', 'due_at'])
    .where('org_id', '=', orgId);
  if (range.from !== undefined) q = q.where('first_seen_at', '>=', range.from);
  if (range.to !== undefined) q = q.where('first_seen_at', '<', range.to);
  if (range.departmentId) q = q.where('department_id', '=', range.departmentId);
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
      .sort((a, b) => a - b);
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
  return {
    now,
    departments,
    answeredByMember: answeredByMember(threads),
    daily: dailyMedians(threads),
  };
}

const DAY = 86_400_000;

interface AnsweredRow {
  first_seen_at: number;
  answered_at: number | null;
  answered_by: string | null;
}

/** How many threads each member answered in the range. */
function answeredByMember(threads: readonly AnsweredRow[]) {
  const counts = new Map<string, number>();
  for (const t of threads)
    if (t.answered_by) counts.set(t.answered_by, (counts.get(t.answered_by) ?? 0) + 1);
  return [...counts].map(([memberId, answered]) => ({ memberId, answered }));
}

/** First-response median per UTC day of the answer, for the dashboard's chart. */
function dailyMedians(threads: readonly AnsweredRow[]) {
  const days = new Map<number, number[]>();
  for (const t of threads) {
    if (t.answered_at === null) continue;
    const day = Math.floor(t.answered_at / DAY) * DAY;
    const list = days.get(day) ?? [];
    list.push(t.answered_at - t.first_seen_at);
    days.set(day, list);
  }
  return [...days]
    .sort(([a], [b]) => a - b)
    .map(([day, times]) => ({
      day,
      answered: times.length,
      medianMs: percentile(
        [...times].sort((a, b) => a - b),
        50,
      )!,
    }));
}
