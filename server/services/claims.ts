import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { TRPCError } from '@trpc/server';
import type { Claim } from '../../shared/domain/schemas/index.ts';
import type { Caller, Trx } from './deps.ts';
import { loadClaims, toClaim } from './views.ts';

/** What the claim procedures share: the live claim, the fence, the refusals that name a holder. */

export interface ClaimHolder {
  holderId: string;
  holderName: string;
  expiresAt: number;
}

/** A refused claim names who holds the post and until when (tRPC error data `claim`). */
export class ClaimHeldError extends TRPCError {
  constructor(
    message: string,
    readonly holder: ClaimHolder | null,
  ) {
    super({ code: 'CONFLICT', message });
  }
}

export async function currentClaim(trx: Trx, orgId: string, postKey: string, now: number) {
  const row = (await loadClaims(trx, orgId, [postKey])).get(postKey);
  return { row, live: toClaim(row, now) };
}

export function held(claim: Claim, now: number): ClaimHeldError {
  const secs = Math.ceil((claim.expiresAt - now) / 1000);
  return new ClaimHeldError(
    `${claim.holderName} is answering this post (claim expires in ${secs}s)`,
    {
      holderId: claim.holderId,
      holderName: claim.holderName,
      expiresAt: claim.expiresAt,
    },
  );
}

/** Only open posts are claimed: answering, resolving or dismissing a post ends its claim. */
export function requireOpen(thread: { status: string }): void {
  if (thread.status !== 'open')
    throw new TRPCError({
      code: 'CONFLICT',
      message: `this post is ${thread.status}; reopen it to claim it`,
    });
}

function stale(token: number, live: Claim | null, callerId: string): TRPCError {
  const who = live && live.holderId !== callerId ? `; ${live.holderName} holds it now` : '';
  return new ClaimHeldError(
    `your claim on this post is no longer valid (token ${token} is stale${who})`,
    live,
  );
}

/** Checks the fencing token: the caller holds a live lease granted with exactly this token. */
export async function requireFence(
  trx: Trx,
  caller: Caller,
  postKey: string,
  token: number,
  now: number,
) {
  const { live } = await currentClaim(trx, caller.orgId, postKey, now);
  return checkFence(live, caller, token);
}

/** requireFence on a claim already read. */
export function checkFence(live: Claim | null, caller: Caller, token: number): Claim {
  if (!live || live.holderId !== caller.id || live.token !== token)
    throw stale(token, live, caller.id);
  return live;
}

/** Frees the lease but keeps the row, so the next grant's token is still higher. */
export async function dropClaim(trx: Trx, orgId: string, postKey: string, now: number) {
  await trx
    .updateTable('claims')
    .set({ holder_id: null, expires_at: now })
    .where('org_id', '=', orgId)
    .where('post_key', '=', postKey)
    .execute();
}

/** dropClaim as one statement that says whether it found the row (WriteContext.emitIf). */
export function dropLease(orgId: string, postKey: string, now: number) {
  return sql<{ token: number }>`
    update claims set holder_id = null, expires_at = ${now}
    where org_id = ${orgId} and post_key = ${postKey}
    returning token`;
}

/**
 * The guarded upsert that grants a lease: it takes effect only when the post is free, its lease
 * has run out, or the caller holds it already (then the token stays), judged at `now` (the
 * database clock). Of any number of concurrent callers exactly one gets a row back.
 */
export function leaseUpsert(lease: {
  orgId: string;
  postKey: string;
  holderId: string;
  now: number;
  leaseMs: number;
}): RawBuilder<{ token: number; expires_at: number }> {
  const { orgId, postKey, holderId, now, leaseMs } = lease;
  return sql<{ token: number; expires_at: number }>`
    insert into claims (org_id, post_key, holder_id, token, expires_at, acquired_at)
    values (${orgId}, ${postKey}, ${holderId}, 1, ${now + leaseMs}, ${now})
    on conflict (org_id, post_key) do update set
      token = case when claims.holder_id = excluded.holder_id and claims.expires_at > ${now}
                   then claims.token else claims.token + 1 end,
      acquired_at = case when claims.holder_id = excluded.holder_id and claims.expires_at > ${now}
                   then claims.acquired_at else excluded.acquired_at end,
      holder_id = excluded.holder_id,
      expires_at = excluded.expires_at
    where claims.holder_id is null or claims.expires_at <= ${now}
       or claims.holder_id = excluded.holder_id
    returning token, expires_at`;
}
