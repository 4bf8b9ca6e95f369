import type { ConsultStatus } from './schemas/consult.ts';
import type { WaitingOn } from './schemas/thread.ts';

/**
 * A consult's life: open -> answered | withdrawn, nothing after. And what a thread waits on,
 * which every badge shows and every write keeps on the thread (threads.waiting_on).
 */

export type ConsultMove = 'answer' | 'withdraw';

const done: Record<Exclude<ConsultStatus, 'open'>, string> = {
  answered: 'this consult was already answered',
  withdrawn: 'this consult was withdrawn',
};

export function nextConsultStatus(
  status: ConsultStatus,
  move: ConsultMove,
): { ok: true; status: ConsultStatus } | { ok: false; error: string } {
  if (status !== 'open') return { ok: false, error: done[status] };
  return { ok: true, status: move === 'answer' ? 'answered' : 'withdrawn' };
}

/** What a thread needs for a consult to open: its department and what it already waits on. */
export interface ConsultTarget {
  departmentId: string | null;
  waitingOn: readonly WaitingOn[];
}

export interface ConsultRefusal {
  /** own-department: a mistake in the request; already-asked: the thread's state says no. */
  reason: 'own-department' | 'already-asked';
  message: string;
}

/** Why `departmentId` cannot be asked about this thread, or null. */
export function consultRefusal(
  thread: ConsultTarget,
  departmentId: string,
  departmentName = 'that department',
): ConsultRefusal | null {
  if (thread.departmentId === departmentId)
    return {
      reason: 'own-department',
      message: `this post is already ${departmentName}’s: assign it, or ask another department`,
    };
  if (thread.waitingOn.some((w) => w.departmentId === departmentId))
    return {
      reason: 'already-asked',
      message: `${departmentName} has already been asked and has not answered yet`,
    };
  return null;
}

/** Of the departments a note mentions, those it asks: not the thread's own, not already asked. */
export function departmentsToConsult(
  thread: ConsultTarget,
  mentioned: readonly string[],
): string[] {
  return [...new Set(mentioned)].filter((d) => consultRefusal(thread, d) === null);
}

/** Open consults as the thread keeps them: oldest first. */
export function waitingOnOf(
  consults: readonly {
    id: string;
    departmentId: string;
    status: ConsultStatus;
    openedAt: number;
    openedBy: string | null;
  }[],
): WaitingOn[] {
  return consults
    .filter((c) => c.status === 'open')
    .sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id))
    .map((c) => ({
      consultId: c.id,
      departmentId: c.departmentId,
      since: c.openedAt,
      askedBy: c.openedBy,
    }));
}

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
