import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ThreadTable } from '../db/schema.ts';
import type { Trx } from './deps.ts';
import type { ClaimRow } from './views.ts';
import type { DialectName } from '../db/dialect.ts';

/** The thread of a post in the caller's org, or NOT_FOUND: a post must be observed first. */
export async function threadRow(db: Kysely<Database>, orgId: string, postKey: string) {
  const row = await db
    .selectFrom('threads')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('post_key', '=', postKey)
    .executeTakeFirst();
  if (!row) throw notFound(postKey);
  return row;
}

const notFound = (postKey: string) =>
  new TRPCError({
    code: 'NOT_FOUND',
    message: `unknown post ${postKey}: it has not been observed in this organisation`,
  });

export type PostState = { thread: Selectable<ThreadTable>; claim: ClaimRow | undefined };

const postStateColumns = sql`threads.*, claims.holder_id as claim_holder_id,
  claims.token as claim_token, claims.expires_at as claim_expires_at,
  claims.acquired_at as claim_acquired_at, members.name as claim_holder_name
  from threads
  left join claims on claims.org_id = threads.org_id and claims.post_key = threads.post_key
  left join members on members.id = claims.holder_id`;

/**
 * The thread and its claim row (with the holder's name), in one read. Written as SQL: every
 * claim starts with it.
 */
export async function postState(trx: Trx, orgId: string, postKey: string): Promise<PostState> {
  const { rows } = await sql<Selectable<ThreadTable> & ClaimColumns>`
    select ${postStateColumns}
    where threads.org_id = ${orgId} and threads.post_key = ${postKey}`.execute(trx);
  const row = rows[0];
  if (!row) throw notFound(postKey);
  return toPostState(orgId, row);
}

/**
 * The state of many posts in one read (a group of writes reads its posts at once: see
 * group-commit.ts); unknown keys are left out. The keys go as one parameter, so the statement's
 * text is the same for any number of them.
 */
export async function postStates(
  trx: Trx,
  dialect: DialectName,
  orgId: string,
  postKeys: readonly string[],
): Promise<Map<string, PostState>> {
  const inKeys =
    dialect === 'postgres'
      ? sql`threads.post_key = any(cast(${[...postKeys]} as text[]))`
      : sql`threads.post_key in (select value from json_each(${JSON.stringify(postKeys)}))`;
  const { rows } = await sql<Selectable<ThreadTable> & ClaimColumns>`
    select ${postStateColumns}
    where threads.org_id = ${orgId} and ${inKeys}`.execute(trx);
  return new Map(rows.map((row) => [row.post_key, toPostState(orgId, row)]));
}

function toPostState(orgId: string, row: Selectable<ThreadTable> & ClaimColumns): PostState {
  const {
    claim_holder_id: holder_id,
    claim_token: token,
    claim_expires_at: expires_at,
    claim_acquired_at: acquired_at,
    claim_holder_name: holder_name,
    ...thread
  } = row;
  const claim =
    token === null
      ? undefined
      : {
          org_id: orgId,
          post_key: thread.post_key,
          holder_id,
          token,
          expires_at: expires_at!,
          acquired_at: acquired_at!,
          holder_name,
        };
  return { thread, claim };
}

interface ClaimColumns {
  claim_holder_id: string | null;
  claim_token: number | null;
  claim_expires_at: number | null;
  claim_acquired_at: number | null;
  claim_holder_name: string | null;
}
