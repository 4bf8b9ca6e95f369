import type { ActionKind, OverlayView } from '../../shared/messaging/protocol.ts';
import type { Department, Member } from '../../shared/domain/schemas/org.ts';
import { allowed, facts } from './post-rights.ts';

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
