import type { ActionKind, OverlayView } from '../../shared/messaging/protocol.ts';
import { assignRefusal, canActOn, canLead } from '../../shared/domain/permissions.ts';
import type { AssignTarget } from '../../shared/domain/permissions.ts';
import type { Department, Member } from '../../shared/domain/schemas/org.ts';

export const actionLabels: Record<ActionKind, string> = {
  claim: 'Claim',
  release: 'Release',
  markAnswered: 'Mark answered',
  assign: 'Assign',
  dismiss: 'Dismiss',
  override: 'Override',
  reopen: 'Reopen',
  resolve: 'Resolve',
  addNote: 'Add note',
  consult: 'Consult',
  answerConsult: 'Reply to consult',
  withdrawConsult: 'Withdraw',
  reply: 'Record the reply',
};

/** A post the background has not answered for yet is treated as new: open, unrouted, free. */
function facts(view: OverlayView | undefined, me: Member) {
  const thread = view?.thread;
  const ownership = {
    departmentId: thread?.departmentId ?? null,
    assigneeId: thread?.assigneeId ?? null,
  };
  const claim = view?.claim ?? null;
  return {
    ownership,
    status: thread?.status ?? 'open',
    claim,
    mine: claim?.holderId === me.id,
    member: canActOn(me, ownership),
    lead: canLead(me, ownership.departmentId),
  };
}

const allowed = (view: OverlayView | undefined, me: Member, target: AssignTarget) =>
  assignRefusal(me, facts(view, me).ownership, target) === null;

/**
 * The actions that make sense for this post and person, in menu order. Claim shows whenever the
 * post is open and not mine, even if someone holds it: the server's refusal names the holder.
 * Answering needs the claim's fencing token, so only the holder sees "Mark answered".
 */
export function menuActions(view: OverlayView | undefined, me: Member): ActionKind[] {
  const f = facts(view, me);
  const open = f.status === 'open';
  const actions: ActionKind[] = [];
  if (open && !f.mine) actions.push('claim');
  if (open && f.mine) actions.push('markAnswered', 'release');
  if (f.member && allowed(view, me, {})) actions.push('assign');
  if (open && f.member) actions.push('dismiss');
  if (f.lead && f.claim && !f.mine) actions.push('override');
  if (f.lead && (open || f.status === 'answered')) actions.push('resolve');
  if (f.lead && !open) actions.push('reopen');
  return actions;
}

export function assignableDepartments(
  view: OverlayView | undefined,
  me: Member,
  departments: readonly Department[],
): Department[] {
  return departments.filter((d) => allowed(view, me, { departmentId: d.id }));
}

/** Members of the department this person may hand the post to (only themselves, unless lead). */
export function assignablePeople(
  view: OverlayView | undefined,
  me: Member,
  department: Department,
  members: readonly Member[],
): Member[] {
  return members.filter(
    (m) =>
      m.departmentIds.includes(department.id) &&
      allowed(view, me, { departmentId: department.id, assigneeId: m.id }),
  );
}

/** The one-click "Suggested: Sales — Accept" button's department, when it applies. */
export function acceptableSuggestion(
  view: OverlayView | undefined,
  me: Member | null,
  departments: readonly Department[],
): Department | null {
  const thread = view?.thread;
  if (!me || !thread?.suggestedDepartmentId || thread.departmentId) return null;
  const department = departments.find((d) => d.id === thread.suggestedDepartmentId);
  if (!department || !allowed(view, me, { departmentId: department.id })) return null;
  return department;
}

/** "Ana Lima" -> "AL"; one name -> its first two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]?.[0], words[words.length - 1]?.[0]] : [...(words[0] ?? '')];
  return letters.slice(0, 2).join('').toUpperCase();
}
