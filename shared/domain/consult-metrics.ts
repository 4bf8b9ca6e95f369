import type { ConsultStatus } from './schemas/consult.ts';
import { percentile } from './metrics.ts';

/**
 * Time waiting on other departments, per department asked: which one keeps the others' posts
 * waiting (the bottleneck). Pure, like the rest of the metrics math (metrics.ts).
 */

/** What the metrics read of a consult (epoch ms). */
export interface ConsultTimes {
  /** The department asked. */
  departmentId: string;
  status: ConsultStatus;
  openedAt: number;
  closedAt: number | null;
}

export interface ConsultWaitMetrics {
  departmentId: string;
  asked: number;
  answered: number;
  withdrawn: number;
  /** Still waiting now. */
  open: number;
  /**
   * Over answered consults (asked to answered) and open ones (asked to now: they have waited at
   * least that long, and leaving them out would hide the slowest department). Withdrawn
   * questions ended without an answer and say nothing of the department asked.
   */
  waitMedianMs: number | null;
  waitP90Ms: number | null;
  /** How long the oldest open consult has waited. */
  oldestOpenMs: number | null;
}

const ascending = (a: number, b: number) => a - b;

function departmentWaits(
  departmentId: string,
  consults: readonly ConsultTimes[],
  now: number,
): ConsultWaitMetrics {
  const count = (status: ConsultStatus) => consults.filter((c) => c.status === status).length;
  const openWaits = consults.filter((c) => c.status === 'open').map((c) => now - c.openedAt);
  const waits = consults
    .filter((c) => c.status === 'answered' && c.closedAt !== null)
    .map((c) => c.closedAt! - c.openedAt)
    .concat(openWaits)
    .sort(ascending);
  return {
    departmentId,
    asked: consults.length,
    answered: count('answered'),
    withdrawn: count('withdrawn'),
    open: openWaits.length,
    waitMedianMs: percentile(waits, 50),
    waitP90Ms: percentile(waits, 90),
    oldestOpenMs: openWaits.length ? Math.max(...openWaits) : null,
  };
}

/** Per department asked, the longest waits (p90) first. */
export function consultWaits(consults: readonly ConsultTimes[], now: number): ConsultWaitMetrics[] {
  const groups = new Map<string, ConsultTimes[]>();
  for (const c of consults) groups.set(c.departmentId, [...(groups.get(c.departmentId) ?? []), c]);
  return [...groups]
    .map(([departmentId, list]) => departmentWaits(departmentId, list, now))
    .sort((a, b) => (b.waitP90Ms ?? -1) - (a.waitP90Ms ?? -1));
}
