import { TRPCError } from '@trpc/server';
import type { Selectable } from 'kysely';
import type { ThreadTable } from '../db/schema.ts';
import { canActOn } from '../../shared/domain/permissions.ts';
import type { Caller, Trx } from './deps.ts';

/** The thread of a post in the caller's org, or NOT_FOUND: a post must be observed first. */
export async function threadRow(trx: Trx, orgId: string, postKey: string) {
  const row = await trx
    .selectFrom('threads')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('post_key', '=', postKey)
    .executeTakeFirst();
  if (!row)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `unknown post ${postKey}: it has not been observed in this organisation`,
    });
  return row;
}

export function requireActOn(caller: Caller, thread: Selectable<ThreadTable>): void {
  if (!canActOn(caller, { departmentId: thread.department_id, assigneeId: thread.assignee_id }))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'this post belongs to a department you are not in',
    });
}
