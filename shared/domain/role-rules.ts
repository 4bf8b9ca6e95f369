import type { Role } from './schemas/org.ts';

// The role rules the permission table (permissions.ts) is made of.

export interface Actor {
  id: string;
  role: Role;
  departmentIds: readonly string[];
}

export interface ThreadOwnership {
  departmentId: string | null;
  assigneeId: string | null;
}

/** Members act on unrouted threads and on threads of any department they belong to. */
export function canActOn(actor: Actor, thread: ThreadOwnership): boolean {
  return (
    actor.role === 'admin' ||
    thread.departmentId === null ||
    actor.departmentIds.includes(thread.departmentId)
  );
}

/** Leads reassign and override within their departments (and on unrouted threads). */
export function canLead(actor: Actor, departmentId: string | null): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'lead') return false;
  return departmentId === null || actor.departmentIds.includes(departmentId);
}

/** Who works a thread: its department, and every department ever consulted on it. */
export interface ThreadAudience {
  departmentId: string | null;
  consultedDepartmentIds: readonly string[];
}

/**
 * Internal notes are read (and added) by those who act on the thread (its department's members
 * and leads, everyone while it is unrouted, admins) and by members of a department consulted on
 * it, whose question it is too.
 */
export function canReadNotes(actor: Actor, audience: ThreadAudience): boolean {
  return (
    canActOn(actor, { departmentId: audience.departmentId, assigneeId: null }) ||
    audience.consultedDepartmentIds.some((d) => actor.departmentIds.includes(d))
  );
}

/** Who owns a consult: whoever owns the thread (its department, assignee, holder) or asked. */
export interface ConsultOwnership {
  thread: ThreadOwnership;
  holderId: string | null;
  openedBy: string | null;
}

export function ownsConsult(actor: Actor, c: ConsultOwnership): boolean {
  return (
    canActOn(actor, c.thread) ||
    [c.thread.assigneeId, c.holderId, c.openedBy].some((id) => id !== null && id === actor.id)
  );
}

export interface AssignTarget {
  /** undefined: unchanged; null: cleared. */
  departmentId?: string | null;
  assigneeId?: string | null;
}

/**
 * Why `actor` may not make this assignment, or null when allowed. A member triages: routes an
 * unrouted thread, hands one of their department's threads to another department, and takes or
 * drops it themselves; only a lead moves a thread away from someone else.
 */
export function assignRefusal(
  actor: Actor,
  thread: ThreadOwnership,
  target: AssignTarget,
): string | null {
  if (!canActOn(actor, thread)) return 'this thread belongs to a department you are not in';
  if (canLead(actor, thread.departmentId)) return null;
  const heldByOther = thread.assigneeId !== null && thread.assigneeId !== actor.id;
  if (heldByOther) return 'only a lead can reassign a thread assigned to someone else';
  if (
    target.assigneeId !== undefined &&
    target.assigneeId !== null &&
    target.assigneeId !== actor.id
  )
    return 'only a lead can assign a thread to someone else';
  return null;
}
