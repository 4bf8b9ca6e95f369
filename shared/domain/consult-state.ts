import type { ConsultStatus } from './schemas/consult.ts';
import type { WaitingOn } from './schemas/thread.ts';

/**
 * A consult's life: open -> answered | withdrawn, nothing after. And what a thread waits on,
 * which every write keeps on the thread (threads.waiting_on); waiting-on.ts says it in words.
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
