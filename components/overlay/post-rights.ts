import type { OverlayView } from '../../shared/messaging/protocol.ts';
import { assignRefusal, canActOn, canLead } from '../../shared/domain/permissions.ts';
import type { AssignTarget } from '../../shared/domain/permissions.ts';
import type { Department, Member } from '../../shared/domain/schemas/org.ts';

// What a member may do with a post, as the badge needs it on every post; the menu's lists
// (menu-actions.ts) load with the menu (issue 15).

/** A post the background has not answered for yet is treated as new: open, unrouted, free. */
export function facts(view: OverlayView | undefined, me: Member) {
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

export const allowed = (view: OverlayView | undefined, me: Member, target: AssignTarget) =>
  assignRefusal(me, facts(view, me).ownership, target) === null;

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
