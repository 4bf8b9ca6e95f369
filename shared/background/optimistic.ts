import { DEFAULT_LEASE_MS } from '../domain/schemas/api.ts';
import type { Member } from '../domain/schemas/org.ts';
import type { ThreadView } from '../domain/schemas/thread.ts';
import type { OverlayAction } from '../messaging/protocol.ts';

/**
 * How a view looks once `action` is applied, before the server confirms it: the overlay shows it
 * as pending at once (also offline), and rolls back if the server refuses it.
 */
export function applyOptimistic(
  view: ThreadView,
  action: OverlayAction,
  me: Member,
  members: readonly Member[],
  now: number,
): ThreadView {
  const { thread, claim } = view;
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
  }
}
