import { TRPCError } from '@trpc/server';
import { lockOrg, notifyCommit, readNow } from '../db/dialect.ts';
import type { ProcedurePath } from '../../shared/domain/permissions.ts';
import type { ServerDeps, Trx } from './deps.ts';
import { appendEvent } from './event-log.ts';
import type { EventFields } from './event-log.ts';

export interface WriteScope {
  orgId: string;
  /** The member on whose behalf the write is made; null for the server itself (sweeper, CLI). */
  memberId: string | null;
  /** The client-made id of an idempotent mutation, and the procedure it names. */
  clientMutationId?: string;
  procedure?: ProcedurePath;
}

/** The scope of a write a signed-in member makes through a procedure. */
export function callerScope(
  caller: { orgId: string; id: string },
  procedure: ProcedurePath,
  clientMutationId: string | undefined,
): WriteScope {
  return { orgId: caller.orgId, memberId: caller.id, clientMutationId, procedure };
}

/** The scope of a write the server makes by itself (the claim sweeper, the CLI). */
export function systemScope(orgId: string): WriteScope {
  return { orgId, memberId: null };
}

export interface WriteContext {
  trx: Trx;
  /** The database clock at the start of the write, epoch ms. */
  now: number;
  /**
   * Appends an event to the log in this write: organisation, time and actor (the scope's member
   * unless `actorId` is given) are the write's own. Returns the event id.
   */
  emit(event: EventFields): Promise<number>;
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
    await lockOrg(trx, store.dialect, scope.orgId);
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
    const now = await readNow(trx, store.dialect);
    let lastEventId: number | null = null;
    const emit = async (e: EventFields) => {
      lastEventId = await appendEvent(trx, {
        actorId: scope.memberId,
        ...e,
        orgId: scope.orgId,
        at: now,
      });
      return lastEventId;
    };
    const value = await fn({ trx, now, emit });
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
    if (lastEventId !== null)
      await notifyCommit(trx, store.dialect, { orgId: scope.orgId, eventId: lastEventId });
    return { replayed: false as const, value };
  });
  if (!result.replayed) deps.bus.wake(scope.orgId);
  return result.value;
}
