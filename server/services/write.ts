import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import { dbNow } from '../db/clock.ts';
import type { ServerDeps, Trx } from './deps.ts';

export interface WriteScope {
  orgId: string;
  memberId: string | null;
  /** The client-made id of an idempotent mutation, and the procedure it names. */
  clientMutationId?: string;
  procedure?: string;
}

/** The scope of a write a signed-in member makes through a procedure. */
export function callerScope(
  caller: { orgId: string; id: string },
  procedure: string,
  clientMutationId: string | undefined,
): WriteScope {
  return { orgId: caller.orgId, memberId: caller.id, clientMutationId, procedure };
}

export interface WriteContext {
  trx: Trx;
  /** The database clock at the start of the write, epoch ms. */
  now: number;
}

/**
 * Runs one write in a transaction, then wakes the org's event streams. Writes of one
 * organisation are serialised (SQLite: one writer; PostgreSQL: an advisory lock per org) so event
 * ids commit in id order and a stream reading "after id N" can never skip a late commit.
 * A replayed client mutation id returns the first result and applies nothing.
 */
export async function runWrite<T>(
  deps: ServerDeps,
  scope: WriteScope,
  fn: (w: WriteContext) => Promise<T>,
): Promise<T> {
  const { store } = deps;
  const replayKey = scope.clientMutationId && scope.memberId ? scope.clientMutationId : null;
  const result = await store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext(${scope.orgId}))`.execute(trx);
    }
    if (replayKey) {
      const earlier = await trx
        .selectFrom('mutations')
        .select(['result', 'procedure'])
        .where('org_id', '=', scope.orgId)
        .where('member_id', '=', scope.memberId!)
        .where('client_id', '=', replayKey)
        .executeTakeFirst();
      if (earlier) {
        if (earlier.procedure !== scope.procedure)
          throw new TRPCError({
            code: 'CONFLICT',
            message: `client mutation id ${replayKey} was already used for ${earlier.procedure}`,
          });
        return { replayed: true as const, value: JSON.parse(earlier.result) as T };
      }
    }
    const { now } = await sql<{ now: number }>`select ${dbNow(store.dialect)} as now`
      .execute(trx)
      .then((r) => ({ now: Number(r.rows[0]!.now) }));
    const value = await fn({ trx, now });
    if (replayKey) {
      await trx
        .insertInto('mutations')
        .values({
          org_id: scope.orgId,
          member_id: scope.memberId!,
          client_id: replayKey,
          procedure: scope.procedure ?? '',
          result: JSON.stringify(value ?? null),
          created_at: now,
        })
        .execute();
    }
    return { replayed: false as const, value };
  });
  if (!result.replayed) deps.bus.wake(scope.orgId);
  return result.value;
}
