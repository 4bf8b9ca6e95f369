import type { WaitingOn } from './schemas/thread.ts';

/**
 * What a thread waits on, in words, as every badge, queue row and panel shows it (the open
 * consults themselves: consult-state.ts). A module of its own because every page with the overlay
 * loads it, and the consult rules only when a panel opens (issue 15).
 */

const MINUTE = 60_000;

/** "4m", "2h 5m", "3d 4h": how long something has waited. */
export function formatWait(ms: number): string {
  const mins = Math.max(0, Math.floor(ms / MINUTE));
  if (mins < 60) return `${mins}m`;
  const hours = Math.floor(mins / 60);
  if (hours < 24) return `${hours}h ${mins % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** "Waiting on Legal", "Waiting on Legal and Finance", "Waiting on Legal, Finance and HR". */
export function waitingLabel(
  waitingOn: readonly WaitingOn[],
  departmentName: (id: string) => string,
): string | null {
  if (waitingOn.length === 0) return null;
  const names = waitingOn.map((w) => departmentName(w.departmentId));
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `Waiting on ${list}`;
}

/** How long the thread has waited: since its oldest open consult. */
export function waitingSince(waitingOn: readonly WaitingOn[]): number | null {
  return waitingOn.length ? Math.min(...waitingOn.map((w) => w.since)) : null;
}
