import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import type { Claim } from '../../shared/domain/schemas/index.ts';
import { DEFAULT_LEASE_MS } from '../../shared/domain/schemas/index.ts';
import { canActOn, canLead } from '../../shared/domain/permissions.ts';
import { dbNow } from '../db/clock.ts';
import type { Caller, ServerDeps, Trx } from './deps.ts';
import { appendEvent } from './event-log.ts';
import { getMember } from './members.ts';
import { requireActOn, threadRow } from './thread-access.ts';
import { loadClaims, toClaim, toThread } from './views.ts';
import { callerScope, runWrite } from './write.ts';

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

async function currentClaim(trx: Trx, orgId: string, postKey: string, now: number) {
  const row = (await loadClaims(trx, orgId, [postKey])).get(postKey);
  return { row, live: toClaim(row, now) };
}

function held(claim: Claim, now: number): ClaimHeldError {
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

/**
 * Leases are granted by one upsert whose update is guarded by "free, expired, or mine", judged by
 * the database clock: of any number of concurrent callers exactly one gets a row back.
 */
export async function acquireClaim(
  deps: ServerDeps,
  caller: Caller,
  input: { postKey: string; leaseMs?: number; clientMutationId?: string },
): Promise<{ token: number; expiresAt: number }> {
  const { dialect } = deps.store;
  const leaseMs = input.leaseMs ?? DEFAULT_LEASE_MS;
  return runWrite(
    deps,
    callerScope(caller, 'claims.acquire', input.clientMutationId),
    async ({ trx, now }) => {
      const thread = await threadRow(trx, caller.orgId, input.postKey);
      requireActOn(caller, thread);
      if (thread.status !== 'open')
        throw new TRPCError({
          code: 'CONFLICT',
          message: `this post is ${thread.status}; reopen it to claim it`,
        });
      const before = await currentClaim(trx, caller.orgId, input.postKey, now);
      const clock = dbNow(dialect);
      const { rows } = await sql<{ token: number; expires_at: number }>`
      insert into claims (org_id, post_key, holder_id, token, expires_at, acquired_at)
      values (${caller.orgId}, ${input.postKey}, ${caller.id}, 1, ${clock} + ${leaseMs}, ${clock})
      on conflict (org_id, post_key) do update set
        token = case when claims.holder_id = excluded.holder_id and claims.expires_at > ${clock}
                     then claims.token else claims.token + 1 end,
        acquired_at = case when claims.holder_id = excluded.holder_id and claims.expires_at > ${clock}
                     then claims.acquired_at else excluded.acquired_at end,
        holder_id = excluded.holder_id,
        expires_at = excluded.expires_at
      where claims.holder_id is null or claims.expires_at <= ${clock} or claims.holder_id = excluded.holder_id
      returning token, expires_at`.execute(trx);
      const granted = rows[0];
      if (!granted) {
        const { live } = await currentClaim(trx, caller.orgId, input.postKey, now);
        throw live
          ? held(live, now)
          : new ClaimHeldError('someone else claimed this post just now', null);
      }
      const claim: Claim = {
        postKey: input.postKey,
        holderId: caller.id,
        holderName: caller.name,
        token: Number(granted.token),
        expiresAt: Number(granted.expires_at),
      };
      const base = {
        orgId: caller.orgId,
        postKey: input.postKey,
        at: now,
        thread: toThread(thread),
      };
      const prev = before.row;
      if (prev?.holder_id && prev.holder_id !== caller.id && !before.live)
        await appendEvent(trx, dialect, {
          ...base,
          type: 'claim.expired',
          actorId: null,
          claim: null,
          data: { holderId: prev.holder_id, holderName: prev.holder_name },
        });
      const renewed = before.live?.holderId === caller.id;
      await appendEvent(trx, dialect, {
        ...base,
        type: renewed ? 'claim.renewed' : 'claim.acquired',
        actorId: caller.id,
        claim,
        data: {},
      });
      return { token: claim.token, expiresAt: claim.expiresAt };
    },
  );
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
  if (!live || live.holderId !== caller.id || live.token !== token)
    throw stale(token, live, caller.id);
  return live;
}

export async function renewClaim(
  deps: ServerDeps,
  caller: Caller,
  input: { postKey: string; token: number; leaseMs?: number; clientMutationId?: string },
): Promise<{ token: number; expiresAt: number }> {
  return runWrite(
    deps,
    callerScope(caller, 'claims.renew', input.clientMutationId),
    async ({ trx, now }) => {
      const live = await requireFence(trx, caller, input.postKey, input.token, now);
      const expiresAt = now + (input.leaseMs ?? DEFAULT_LEASE_MS);
      await trx
        .updateTable('claims')
        .set({ expires_at: expiresAt })
        .where('org_id', '=', caller.orgId)
        .where('post_key', '=', input.postKey)
        .execute();
      await appendEvent(trx, deps.store.dialect, {
        orgId: caller.orgId,
        postKey: input.postKey,
        actorId: caller.id,
        at: now,
        type: 'claim.renewed',
        claim: { ...live, expiresAt },
        data: {},
      });
      return { token: input.token, expiresAt };
    },
  );
}

export async function releaseClaim(
  deps: ServerDeps,
  caller: Caller,
  input: { postKey: string; token: number; clientMutationId?: string },
): Promise<{ released: true }> {
  return runWrite(
    deps,
    callerScope(caller, 'claims.release', input.clientMutationId),
    async ({ trx, now }) => {
      await requireFence(trx, caller, input.postKey, input.token, now);
      await dropClaim(trx, caller.orgId, input.postKey, now);
      const thread = toThread(await threadRow(trx, caller.orgId, input.postKey));
      await appendEvent(trx, deps.store.dialect, {
        orgId: caller.orgId,
        postKey: input.postKey,
        actorId: caller.id,
        at: now,
        type: 'claim.released',
        thread,
        claim: null,
        data: {},
      });
      return { released: true as const };
    },
  );
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

/** A lead moves a claim to someone else (or drops it) with a new token; the holder is told. */
export async function overrideClaim(
  deps: ServerDeps,
  caller: Caller,
  input: { postKey: string; toMemberId?: string; clientMutationId?: string },
): Promise<{ claim: Claim | null }> {
  return runWrite(
    deps,
    callerScope(caller, 'claims.override', input.clientMutationId),
    async ({ trx, now }) => {
      const thread = await threadRow(trx, caller.orgId, input.postKey);
      if (!canLead(caller, thread.department_id))
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'only a lead of this post’s department can override a claim',
        });
      const { row, live } = await currentClaim(trx, caller.orgId, input.postKey, now);
      let claim: Claim | null = null;
      if (input.toMemberId) {
        const target = await getMember(trx, caller.orgId, input.toMemberId);
        if (
          !canActOn(target, { departmentId: thread.department_id, assigneeId: thread.assignee_id })
        )
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `${target.name} is not in this post’s department`,
          });
        const token = (row?.token ?? 0) + 1;
        const values = {
          holder_id: target.id,
          token,
          expires_at: now + DEFAULT_LEASE_MS,
          acquired_at: now,
        };
        await trx
          .insertInto('claims')
          .values({ org_id: caller.orgId, post_key: input.postKey, ...values })
          .onConflict((oc) => oc.columns(['org_id', 'post_key']).doUpdateSet(values))
          .execute();
        claim = {
          postKey: input.postKey,
          holderId: target.id,
          holderName: target.name,
          token,
          expiresAt: values.expires_at,
        };
      } else {
        if (!live)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'nobody holds a claim on this post',
          });
        await trx
          .updateTable('claims')
          .set({ holder_id: null, expires_at: now, token: live.token + 1 })
          .where('org_id', '=', caller.orgId)
          .where('post_key', '=', input.postKey)
          .execute();
      }
      await appendEvent(trx, deps.store.dialect, {
        orgId: caller.orgId,
        postKey: input.postKey,
        actorId: caller.id,
        at: now,
        type: 'claim.overridden',
        thread: toThread(thread),
        claim,
        data: {
          previousHolderId: live?.holderId ?? null,
          previousHolderName: live?.holderName ?? null,
          toMemberId: input.toMemberId ?? null,
        },
      });
      return { claim };
    },
  );
}
