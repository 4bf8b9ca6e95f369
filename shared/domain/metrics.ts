/**
 * The metrics math, pure: first response, SLA and answers from thread rows the server reads
 * (DESIGN.md: the log is the source of metrics). The server and the dashboard run the same code.
 */

/** What the metrics read of a thread (epoch ms). */
export interface ThreadTimes {
  departmentId: string | null;
  status: string;
  firstSeenAt: number;
  answeredAt: number | null;
  dueAt: number | null;
}

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

/** Nearest-rank percentile of values sorted ascending; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const ascending = (a: number, b: number) => a - b;

/** One department's figures as of `now` (epoch ms). */
export function departmentMetrics(
  departmentId: string | null,
  threads: readonly ThreadTimes[],
  now: number,
): DepartmentMetrics {
  const times = threads
    .filter((t) => t.answeredAt !== null)
    .map((t) => t.answeredAt! - t.firstSeenAt)
    .sort(ascending);
  const open = threads.filter((t) => t.status === 'open');
  const overdue = open.filter((t) => t.dueAt !== null && t.dueAt <= now).length;
  // Judged: threads with a target that were answered, or whose target has passed.
  const judged = threads.filter(
    (t) => t.dueAt !== null && (t.answeredAt !== null || t.dueAt <= now),
  );
  const lateAnswers = judged.filter((t) => t.answeredAt !== null && t.answeredAt > t.dueAt!);
  const breaches = lateAnswers.length + overdue;
  return {
    departmentId,
    seen: threads.length,
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
}

/** Figures per department, in the order departments first appear among the threads. */
export function metricsByDepartment(
  threads: readonly ThreadTimes[],
  now: number,
): DepartmentMetrics[] {
  const groups = new Map<string | null, ThreadTimes[]>();
  for (const t of threads) {
    const list = groups.get(t.departmentId);
    if (list) list.push(t);
    else groups.set(t.departmentId, [t]);
  }
  return [...groups].map(([id, list]) => departmentMetrics(id, list, now));
}

export interface Answer {
  answeredBy: string | null;
  /** The answerer's name, when the members table still knows them. */
  name: string | null;
  firstSeenAt: number;
  answeredAt: number;
}

const DAY = 86_400_000;

/**
 * Answers per member (most first) and the median first response per day of the answer, days
 * split at the caller's local midnight (`utcOffsetMinutes` east of UTC).
 */
export function answerMetrics(answers: readonly Answer[], utcOffsetMinutes = 0) {
  const counts = new Map<string, number>();
  const memberNames: Record<string, string> = {};
  const offset = utcOffsetMinutes * 60_000;
  const days = new Map<number, number[]>();
  for (const a of answers) {
    if (a.answeredBy) {
      counts.set(a.answeredBy, (counts.get(a.answeredBy) ?? 0) + 1);
      if (a.name !== null) memberNames[a.answeredBy] = a.name;
    }
    // The caller's local midnight, as epoch ms.
    const day = Math.floor((a.answeredAt + offset) / DAY) * DAY - offset;
    const list = days.get(day) ?? [];
    list.push(a.answeredAt - a.firstSeenAt);
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
