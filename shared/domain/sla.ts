const MINUTE = 60_000;

/**
 * The first-response clock starts when the team first saw the post, not when it was posted: a
 * post from last week scrolled past today is not born overdue.
 */
export function slaDueAt(
  firstSeenAt: number,
  slaMinutes: number | null | undefined,
): number | null {
  return slaMinutes ? firstSeenAt + slaMinutes * MINUTE : null;
}

export type SlaPhase = 'none' | 'ok' | 'warning' | 'breached';

/** `warning` from 75% of the target on, as alerts promise. */
export function slaPhase(firstSeenAt: number, dueAt: number | null, now: number): SlaPhase {
  if (dueAt === null) return 'none';
  if (now >= dueAt) return 'breached';
  const elapsed = (now - firstSeenAt) / (dueAt - firstSeenAt);
  return elapsed >= 0.75 ? 'warning' : 'ok';
}

/** "12m left", "2h 5m left", "overdue 3m". */
export function formatSla(dueAt: number, now: number): string {
  const ms = dueAt - now;
  const mins = Math.floor(Math.abs(ms) / MINUTE);
  const text = mins >= 60 ? `${Math.floor(mins / 60)}h ${mins % 60}m` : `${mins}m`;
  return ms >= 0 ? `${text} left` : `overdue ${text}`;
}
