import { TRPCError } from '@trpc/server';
import type { Trx } from './deps.ts';

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
