import type { Member, ThreadView } from '../../shared/domain/schemas/index.ts';
import type { Consult } from '../../shared/domain/schemas/index.ts';
import { refusal } from '../../shared/domain/permissions.ts';

/** How a note or consult action ended: applied, queued offline, or refused with a reason. */
export interface StoryOutcome {
  ok: boolean;
  error?: string;
  /** Kept offline; applied once the server is back. */
  queued?: boolean;
}

/** What the panel can do; the overlay sends these through the outbox, the dashboard directly. */
export interface StoryActions {
  addNote(text: string): Promise<StoryOutcome>;
  consult(departmentId: string, text: string): Promise<StoryOutcome>;
  answer(consultId: string, text: string): Promise<StoryOutcome>;
  withdraw(consultId: string): Promise<StoryOutcome>;
}

/** The same permission table the server checks, so the panel offers what will be accepted. */
export function mayConsult(me: Member, view: ThreadView): boolean {
  return refusal(me, 'consults.open', { departmentId: view.thread.departmentId }) === null;
}

export function mayAnswer(me: Member, consult: Consult): boolean {
  return refusal(me, 'consults.answer', { departmentId: consult.departmentId }) === null;
}

export function mayWithdraw(me: Member, view: ThreadView, consult: Consult): boolean {
  const { departmentId, assigneeId } = view.thread;
  return (
    refusal(me, 'consults.withdraw', {
      thread: { departmentId, assigneeId },
      holderId: view.claim?.holderId ?? null,
      openedBy: consult.openedBy,
    }) === null
  );
}
