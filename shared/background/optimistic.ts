import { DEFAULT_LEASE_MS } from '../domain/schemas/api.ts';
import type { Department, Member } from '../domain/schemas/org.ts';
import type { Thread, ThreadView } from '../domain/schemas/thread.ts';
import { departmentsToConsult } from '../domain/consult-state.ts';
import { statusAfterReply } from '../domain/thread-state.ts';
import { parseMentions } from '../domain/mentions.ts';
import { refusal } from '../domain/permissions.ts';
import type { OverlayAction } from '../messaging/protocol.ts';

/**
 * How a view looks once `action` is applied, before the server confirms it: the overlay shows it
 * as pending at once (also offline), and rolls back if the server refuses it.
 */
export function applyOptimistic(
  view: ThreadView,
  action: OverlayAction,
  me: Member,
  known: { members: readonly Member[]; departments: readonly Department[] },
  now: number,
): ThreadView {
  const { thread, claim } = view;
  const { members } = known;
  const ask = (departmentIds: readonly string[]): Thread['waitingOn'] =>
    departmentIds.map((departmentId) => ({
      consultId: `pending:${departmentId}`,
      departmentId,
      since: now,
      askedBy: me.id,
    }));
  const without = (consultId: string | undefined) =>
    thread.waitingOn.filter((w) => w.consultId !== consultId);
  const mine = (holder: Member) => ({
    postKey: thread.postKey,
    holderId: holder.id,
    holderName: holder.name,
    token: claim?.holderId === holder.id ? claim.token : 0,
    expiresAt: now + DEFAULT_LEASE_MS,
  });
  switch (action.kind) {
    case 'claim':
      return { thread, claim: mine(me) };
    case 'release':
      return { thread, claim: null };
    case 'markAnswered':
      return {
        thread: { ...thread, status: 'answered', answeredBy: me.id, answeredAt: now },
        claim: null,
      };
    case 'reply': {
      const sentAt = action.sentAt ?? now;
      const held = claim?.holderId === me.id;
      return {
        thread: {
          ...thread,
          status: statusAfterReply(thread.status),
          answeredAt: thread.answeredAt ?? sentAt,
          answeredBy: thread.answeredBy ?? me.id,
          answeredWithoutClaim: (thread.answeredWithoutClaim ?? false) || !held,
        },
        claim: null,
      };
    }
    case 'dismiss':
      return { thread: { ...thread, status: 'dismissed' }, claim: null };
    case 'resolve':
      return { thread: { ...thread, status: 'resolved' }, claim: null };
    case 'reopen':
      return { thread: { ...thread, status: 'open' }, claim };
    case 'assign':
      return {
        thread: {
          ...thread,
          ...(action.departmentId !== undefined && {
            departmentId: action.departmentId,
            suggestedDepartmentId: null,
          }),
          ...(action.assigneeId !== undefined && { assigneeId: action.assigneeId }),
        },
        claim,
      };
    case 'override': {
      const to = members.find((m) => m.id === action.toMemberId);
      return { thread, claim: to ? mine(to) : null };
    }
    case 'addNote': {
      // As the server will: "#Legal" asks Legal when I may open consults on this post.
      const mayAsk = refusal(me, 'consults.open', { departmentId: thread.departmentId }) === null;
      const named = parseMentions(action.text ?? '', members, known.departments).departmentIds;
      const asked = mayAsk ? departmentsToConsult(thread, named) : [];
      const waitingOn = [...thread.waitingOn, ...ask(asked)];
      return { thread: { ...thread, noteCount: thread.noteCount + 1, waitingOn }, claim };
    }
    case 'consult': {
      const asked = action.departmentId ? ask([action.departmentId]) : [];
      const waitingOn = [...thread.waitingOn, ...asked];
      return { thread: { ...thread, noteCount: thread.noteCount + 1, waitingOn }, claim };
    }
    case 'answerConsult': {
      const waitingOn = without(action.consultId);
      return { thread: { ...thread, noteCount: thread.noteCount + 1, waitingOn }, claim };
    }
    case 'withdrawConsult':
      return { thread: { ...thread, waitingOn: without(action.consultId) }, claim };
  }
}
