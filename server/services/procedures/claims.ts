import { TRPCError } from '@trpc/server';
import type { Claim } from '../../../shared/domain/schemas/index.ts';
import { DEFAULT_LEASE_MS } from '../../../shared/domain/schemas/index.ts';
import { canActOn } from '../../../shared/domain/permissions.ts';
import { authorize } from '../authorize.ts';
import {
  ClaimHeldError,
  checkFence,
  currentClaim,
  dropLease,
  leaseUpsert,
  held,
  requireFence,
  requireOpen,
} from '../claims.ts';
import type { Call } from '../deps.ts';
import { getMember } from '../members.ts';
import { threadRow } from '../thread-access.ts';
import { toClaim, toThread } from '../views.ts';
import { callerScope, runWrite } from '../write.ts';

/** claims.*: leases with fencing tokens (DESIGN.md, "Claims are leases with fencing tokens"). */

/**
 * One read (the thread and its claim), one guarded upsert (claims.ts, grantLease), its event.
 * The upsert decides: of any number of concurrent callers exactly one gets the lease.
 */
export async function acquire(
  { deps, caller }: Call,
  input: { postKey: string; leaseMs?: number; clientMutationId?: string },
): Promise<{ token: number; expiresAt: number }> {
  const leaseMs = input.leaseMs ?? DEFAULT_LEASE_MS;
  return runWrite(
    deps,
    { ...callerScope(caller, 'claims.acquire', input.clientMutationId), postKey: input.postKey },
    async ({ now, expectRow, postState }) => {
      const { orgId } = caller;
      const { thread, claim: row } = await postState(input.postKey);
      authorize(caller, 'claims.acquire', { departmentId: thread.department_id });
      requireOpen(thread);
      const before = toClaim(row, now);
      // Writes of an org run one group at a time under its lock (group-commit.ts), so this read
      // is current: a post someone else holds is refused without a write, and the lease the
      // upsert grants is known in advance (its events go in the same statement). The guarded
      // upsert still decides every grant.
      if (before && before.holderId !== caller.id) throw held(before, now);
      const renewed = before !== null;
      const claim: Claim = {
        postKey: input.postKey,
        holderId: caller.id,
        holderName: caller.name,
        token: renewed ? before.token : (row?.token ?? 0) + 1,
        expiresAt: now + leaseMs,
      };
      const base = { postKey: input.postKey, thread: toThread(thread) };
      const acquired = {
        ...base,
        type: renewed ? 'claim.renewed' : 'claim.acquired',
        claim,
      } as const;
      // A lease that ran out without being swept yet is announced as expired first.
      const expired =
        row?.holder_id && row.holder_id !== caller.id && !before
          ? [
              {
                ...base,
                type: 'claim.expired',
                actorId: null,
                claim: null,
                data: { holderId: row.holder_id, holderName: row.holder_name },
              } as const,
            ]
          : [];
      const upsert = leaseUpsert({
        orgId,
        postKey: input.postKey,
        holderId: caller.id,
        now,
        leaseMs,
      });
      await expectRow(
        upsert,
        (granted) => {
          if (!granted) throw new ClaimHeldError('someone else claimed this post just now', null);
          // Cannot happen under the org lock; thrown after a change, so this write is undone.
          if (
            Number(granted.token) !== claim.token ||
            Number(granted.expires_at) !== claim.expiresAt
          )
            throw new Error(
              `claims.acquire: lease ${String(granted.token)} is not the one announced`,
            );
        },
        ...expired,
        acquired,
      );
      return { token: claim.token, expiresAt: claim.expiresAt };
    },
  );
}

export async function renew(
  { deps, caller }: Call,
  input: { postKey: string; token: number; leaseMs?: number; clientMutationId?: string },
): Promise<{ token: number; expiresAt: number }> {
  return runWrite(
    deps,
    { ...callerScope(caller, 'claims.renew', input.clientMutationId), postKey: input.postKey },
    async ({ trx, now, emit }) => {
      authorize(caller, 'claims.renew');
      const live = await requireFence(trx, caller, input.postKey, input.token, now);
      const expiresAt = now + (input.leaseMs ?? DEFAULT_LEASE_MS);
      await trx
        .updateTable('claims')
        .set({ expires_at: expiresAt })
        .where('org_id', '=', caller.orgId)
        .where('post_key', '=', input.postKey)
        .execute();
      await emit({ type: 'claim.renewed', postKey: input.postKey, claim: { ...live, expiresAt } });
      return { token: input.token, expiresAt };
    },
  );
}

export async function release(
  { deps, caller }: Call,
  input: { postKey: string; token: number; clientMutationId?: string },
): Promise<{ released: true }> {
  return runWrite(
    deps,
    { ...callerScope(caller, 'claims.release', input.clientMutationId), postKey: input.postKey },
    async ({ now, expectRow, postState }) => {
      authorize(caller, 'claims.release');
      // A post never observed holds no claim either: the token is stale (CONFLICT), as for any.
      const state = await postState(input.postKey).catch((e: unknown) => {
        if (e instanceof TRPCError && e.code === 'NOT_FOUND') return null;
        throw e;
      });
      checkFence(toClaim(state?.claim, now), caller, input.token);
      const thread = state!.thread;
      // The row is there (the fence saw it) and stays so under the org lock: one statement.
      const event = {
        type: 'claim.released',
        postKey: input.postKey,
        thread: toThread(thread),
        claim: null,
      } as const;
      await expectRow(
        dropLease(caller.orgId, input.postKey, now),
        (dropped) => {
          if (!dropped) throw new Error('claims.release: the claim checked is gone');
        },
        event,
      );
      return { released: true as const };
    },
  );
}

/** A lead moves a claim to someone else (or drops it) with a new token; the holder is told. */
export async function override(
  { deps, caller }: Call,
  input: { postKey: string; toMemberId?: string; clientMutationId?: string },
): Promise<{ claim: Claim | null }> {
  return runWrite(
    deps,
    callerScope(caller, 'claims.override', input.clientMutationId),
    async ({ trx, now, emit }) => {
      const thread = await threadRow(trx, caller.orgId, input.postKey);
      authorize(caller, 'claims.override', { departmentIds: [thread.department_id] });
      const { row, live } = await currentClaim(trx, caller.orgId, input.postKey, now);
      let claim: Claim | null = null;
      if (input.toMemberId) {
        requireOpen(thread);
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
      await emit({
        postKey: input.postKey,
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
