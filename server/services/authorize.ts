import { TRPCError } from '@trpc/server';
import { refusal } from '../../shared/domain/permissions.ts';
import type { Actor, ProcedurePath, SubjectArgs } from '../../shared/domain/permissions.ts';

/**
 * Checks a call against the permission table (shared/domain/permissions.ts) and refuses it with
 * FORBIDDEN and the table's reason. Every procedure's service calls this once it knows the subject
 * (the post's department, the departments a rule touches), so routers carry no role checks.
 */
export function authorize<P extends ProcedurePath>(
  actor: Actor,
  procedure: P,
  ...subject: SubjectArgs<P>
): void {
  const reason = refusal(actor, procedure, ...subject);
  if (reason) throw new TRPCError({ code: 'FORBIDDEN', message: reason });
}
