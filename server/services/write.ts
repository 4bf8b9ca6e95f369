import { TRPCError } from '@trpc/server';
import type { ProcedurePath } from '../../shared/domain/permissions.ts';
import type { ServerDeps, Trx } from './deps.ts';
import type { Store } from '../db/connect.ts';
import type { SqliteStatements } from '../db/dialect.ts';
import type { RawBuilder } from 'kysely';
import { appendEvents, appendEventsIf } from './event-log.ts';
import type { EventFields, NewEvent } from './event-log.ts';
import { GroupCommitter } from './group-commit.ts';
import type { GroupReads } from './group-commit.ts';
import type { PostState } from './thread-access.ts';

export interface WriteScope {
  orgId: string;
  /** The member on whose behalf the write is made; null for the server itself (sweeper, CLI). */
  memberId: string | null;
  /** The client-made id of an idempotent mutation, and the procedure it names. */
  clientMutationId?: string;
  procedure?: ProcedurePath;
  /**
   * The one post the write reads and may change (its thread and claim rows, plus events), when
   * it touches nothing else: its group then reads it with the group's other posts, at once.
   */
  postKey?: string;
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
  /** The database clock when the write's group began, epoch ms. */
  now: number;
  /**
   * Appends events to the log in this write, in order: organisation, time and actor (the scope's
   * member unless `actorId` is given) are the write's own. Returns the last event's id.
   */
  emit(...events: EventFields[]): Promise<number>;
  /** SQLite's own statements in this write (GroupReads.direct); null on PostgreSQL. */
  direct(): SqliteStatements | null;
  /**
   * Runs `statement` (a change with RETURNING) and emits `events` only if it returned a row, in
   * one round trip on PostgreSQL; resolves with that row, or null when nothing was emitted.
   */
  emitIf<R extends object>(statement: RawBuilder<R>, ...events: EventFields[]): Promise<R | null>;
  /**
   * A post's thread and claim as they stand in this transaction (NOT_FOUND if unknown); the
   * scope's own post may come from the group's one read of all its posts.
   */
  postState(postKey: string): Promise<PostState>;
  /**
   * Runs `statement` (a change of the scope's own post, with RETURNING) and logs `events` with
   * it, for a write that has read, under the org lock, all that decides it: `check` throws when
   * the row (null if none) is not the one expected. The group may run it with its other writes'
   * (one round trip on PostgreSQL), so the write learns nothing from it but a refusal.
   */
  expectRow<R extends object>(
    statement: RawBuilder<R>,
    check: (row: R | null) => void,
    ...events: EventFields[]
  ): Promise<void>;
}

const committers = new WeakMap<ServerDeps, GroupCommitter>();

/**
 * Every write of the server: `fn` runs in a transaction (shared with the writes that arrive with
 * it, in a savepoint of its own: see group-commit.ts), and the promise settles once that
 * transaction has committed; then the org's event streams are woken. A replayed client mutation
 * id answers with the first result and applies nothing.
 */
export function runWrite<T>(
  deps: ServerDeps,
  scope: WriteScope,
  fn: (w: WriteContext) => Promise<T>,
): Promise<T> {
  let committer = committers.get(deps);
  if (!committer) committers.set(deps, (committer = new GroupCommitter(deps)));
  return new Promise<T>((resolve, reject) =>
    committer.submit({
      orgId: scope.orgId,
      postKey: scope.postKey,
      run: (trx, now, reads) => applyOnce(trx, now, reads, deps.store, scope, fn),
      settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)),
    }),
  );
}

async function applyOnce<T>(
  trx: Trx,
  now: number,
  reads: GroupReads,
  { dialect }: Store,
  scope: WriteScope,
  fn: (w: WriteContext) => Promise<T>,
) {
  const replayKey = scope.clientMutationId && scope.memberId ? scope.clientMutationId : null;
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
      return { value: JSON.parse(earlier.result) as T, changed: false, lastEventId: null };
    }
  }
  let lastEventId: number | null = null;
  const scoped = (events: EventFields[]): NewEvent[] =>
    events.map((e) => ({ actorId: scope.memberId, ...e, orgId: scope.orgId, at: now }));
  const emit = async (...events: EventFields[]) =>
    (lastEventId = await appendEvents(trx, scoped(events), reads.direct()));
  const emitIf = async <R extends object>(statement: RawBuilder<R>, ...events: EventFields[]) => {
    const done = await appendEventsIf(trx, dialect, statement, scoped(events));
    lastEventId = done.lastEventId ?? lastEventId;
    return done.row;
  };
  const postState = (postKey: string) => reads.postState(postKey);
  const expectRow = <R extends object>(
    statement: RawBuilder<R>,
    check: (row: R | null) => void,
    ...events: EventFields[]
  ) => reads.expectRow(statement, scoped(events), check);
  const direct = () => reads.direct();
  const value = await fn({ trx, now, emit, emitIf, postState, expectRow, direct });
  if (replayKey)
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
  return { value, changed: true, lastEventId };
}
