import type {
  Actor,
  AssignTarget,
  ConsultOwnership,
  ThreadAudience,
  ThreadOwnership,
} from './role-rules.ts';
import { assignRefusal, canActOn, canLead, canReadNotes, ownsConsult } from './role-rules.ts';

export type { Actor, AssignTarget, ConsultOwnership, ThreadAudience } from './role-rules.ts';
export { assignRefusal, canActOn, canLead, canReadNotes, ownsConsult } from './role-rules.ts';

/**
 * Who may call a procedure, and against what. Every role rule of the product is one of these;
 * the server's services check them (never its routers), the extension uses the same rules to
 * show only the actions that will be accepted.
 */
export type Access =
  /** Any signed-in member of the organisation. */
  | 'member'
  /** The claim's holder: proved by the fencing token, which the service checks. */
  | 'holder'
  /** A member who can act on the post: it is unrouted or in one of their departments. */
  | 'post'
  /** As 'post', and a member only takes or drops a thread; leads hand it to anyone. */
  | 'triage'
  /** A member who reads the thread's internal notes: its department's, or a consulted one's. */
  | 'notes'
  /** A member of the department a consult asks (or an admin). */
  | 'consulted'
  /** The thread's owner (its department, assignee or holder) or whoever asked the consult. */
  | 'consult-owner'
  /** A lead of every department concerned (an unrouted post concerns none), or an admin. */
  | 'lead'
  /** A lead of the department or an admin edits it; renaming it is for admins. */
  | 'department-settings'
  | 'admin';

/** Every procedure of the app router; a test holds this table against the router itself. */
export const permissions = {
  'auth.whoami': 'member',
  'departments.list': 'member',
  'departments.create': 'admin',
  'departments.update': 'department-settings',
  'members.list': 'member',
  'members.create': 'admin',
  'members.update': 'admin',
  'members.remove': 'admin',
  'members.tokens': 'admin',
  'members.issueToken': 'admin',
  'members.revokeToken': 'admin',
  'posts.observe': 'member',
  'posts.get': 'member',
  'threads.assign': 'triage',
  'threads.markAnswered': 'post',
  'threads.resolve': 'lead',
  'threads.reopen': 'lead',
  'threads.dismiss': 'post',
  // A reply sent on the site is a fact whoever sent it: recorded for any member, and flagged
  // "answered without claim" unless the sender held the claim (see services/.../replies.ts).
  'threads.recordReply': 'member',
  'threads.story': 'member',
  'notes.add': 'notes',
  'consults.open': 'post',
  'consults.answer': 'consulted',
  'consults.withdraw': 'consult-owner',
  'claims.acquire': 'post',
  'claims.renew': 'holder',
  'claims.release': 'holder',
  'claims.override': 'lead',
  'events.stream': 'member',
  'events.list': 'member',
  'queue.list': 'member',
  'rules.list': 'member',
  'rules.create': 'lead',
  'rules.update': 'lead',
  'rules.delete': 'lead',
  'rules.reorder': 'lead',
  'rules.test': 'member',
  'metrics.summary': 'member',
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof permissions;

/** What a check needs to know, per kind of access. */
export interface AccessSubjects {
  member: void;
  holder: void;
  post: { departmentId: string | null };
  triage: { thread: ThreadOwnership; target: AssignTarget };
  notes: { audience: ThreadAudience };
  /** The department the consult asks. */
  consulted: { departmentId: string };
  'consult-owner': ConsultOwnership;
  /** The departments the call touches; null stands for an unrouted post. */
  lead: { departmentIds: readonly (string | null)[] };
  'department-settings': { departmentId: string; renames: boolean };
  admin: void;
}

export type SubjectOf<P extends ProcedurePath> = AccessSubjects[(typeof permissions)[P]];

const refusals: { [K in Access]: (actor: Actor, subject: AccessSubjects[K]) => string | null } = {
  member: () => null,
  holder: () => null,
  post: (actor, { departmentId }) =>
    canActOn(actor, { departmentId, assigneeId: null })
      ? null
      : 'this post belongs to a department you are not in',
  triage: (actor, { thread, target }) => assignRefusal(actor, thread, target),
  notes: (actor, { audience }) =>
    canReadNotes(actor, audience)
      ? null
      : 'only this post’s department and the departments asked about it see its notes',
  consulted: (actor, { departmentId }) =>
    actor.role === 'admin' || actor.departmentIds.includes(departmentId)
      ? null
      : 'only members of the department asked can answer this consult',
  'consult-owner': (actor, ownership) =>
    ownsConsult(actor, ownership)
      ? null
      : 'only the post’s owner (its department, assignee or claim holder) or whoever asked can withdraw this consult',
  lead: (actor, { departmentIds }) => {
    if (actor.role === 'member') return 'only team leads and admins can do this';
    return departmentIds.every((d) => canLead(actor, d))
      ? null
      : 'only a lead of the department concerned (or an admin) can do this';
  },
  'department-settings': (actor, { departmentId, renames }) => {
    if (renames && actor.role !== 'admin') return 'only admins can rename a department';
    return canLead(actor, departmentId)
      ? null
      : 'only this department’s lead or an admin can change it';
  },
  admin: (actor) => (actor.role === 'admin' ? null : 'only admins can do this'),
};

export type SubjectArgs<P extends ProcedurePath> = SubjectOf<P> extends void ? [] : [SubjectOf<P>];

/** Why `actor` may not call `procedure` against `subject`, or null when the call is allowed. */
export function refusal<P extends ProcedurePath>(
  actor: Actor,
  procedure: P,
  ...subject: SubjectArgs<P>
): string | null {
  const check = refusals[permissions[procedure]] as (a: Actor, s: unknown) => string | null;
  return check(actor, subject[0]);
}
