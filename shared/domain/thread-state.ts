import type { ThreadStatus } from './schemas/thread.ts';

/** What a person can do to a thread's status; claims are judged separately (see claims). */
export type ThreadTransition = 'answer' | 'resolve' | 'reopen' | 'dismiss';

const allowed: Record<ThreadTransition, readonly ThreadStatus[]> = {
  answer: ['open'],
  // Resolving closes a thread for good, answered or not (a lead may close one nobody needs to answer).
  resolve: ['open', 'answered'],
  reopen: ['answered', 'resolved', 'dismissed'],
  dismiss: ['open'],
};

const target: Record<ThreadTransition, ThreadStatus> = {
  answer: 'answered',
  resolve: 'resolved',
  reopen: 'open',
  dismiss: 'dismissed',
};

/** The next status, or an error message naming why the move is not allowed. */
export function nextStatus(
  from: ThreadStatus,
  move: ThreadTransition,
): { ok: true; status: ThreadStatus } | { ok: false; error: string } {
  if (allowed[move].includes(from)) return { ok: true, status: target[move] };
  return { ok: false, error: `cannot ${move} a thread that is ${from}` };
}

/**
 * A reply sent on the site answers an open post (or a dismissed one: someone did answer it); an
 * answered or resolved thread stays as it is (a follow-up reply).
 */
export function statusAfterReply(from: ThreadStatus): ThreadStatus {
  return from === 'open' || from === 'dismissed' ? 'answered' : from;
}
