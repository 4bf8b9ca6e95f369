import { TRPCError } from '@trpc/server';
import { lockOrgAndReadNow, notifyCommit, savepoints } from '../db/dialect.ts';
import type { SqliteStatements } from '../db/dialect.ts';
import { MutationWatch } from './mutation-watch.ts';
import type { ServerDeps, Trx } from './deps.ts';
import type { RawBuilder } from 'kysely';
import { appendEventsIf, appendGuardedChanges } from './event-log.ts';
import type { GuardedChange, NewEvent } from './event-log.ts';
import { postState, postStates } from './thread-access.ts';
import type { PostState } from './thread-access.ts';

export type WriteOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** One write waiting for its group: it runs inside the group's transaction, in a savepoint. */
export interface PendingWrite {
  orgId: string;
  /**
   * The one post this write reads and may change (its thread and claim rows; it may append
   * events), when it touches no other. The group reads such posts' state at once (GroupReads).
   */
  postKey?: string;
  /** Runs the write; says whether it changed anything (a replay does not) and its last event. */
  run(
    trx: Trx,
    now: number,
    reads: GroupReads,
  ): Promise<{ value: unknown; changed: boolean; lastEventId: number | null }>;
  settle(outcome: WriteOutcome): void;
}

/** What a write does through its group. */
export interface GroupReads {
  /** A post's thread and claim as they stand now in this transaction (NOT_FOUND if unknown). */
  postState(postKey: string): Promise<PostState>;
  /**
   * SQLite's own statements on the transaction's connection (null on PostgreSQL), for bulk
   * inserts (dialect.ts, insertRows). They bypass the write's MutationWatch, so asking for them
   * counts the write as a change: refused afterwards, it is undone in a savepoint.
   */
  direct(): SqliteStatements | null;
  /**
   * A guarded change on the write's own post (scope postKey) that the write expects to return a
   * row, with the events it logs: `check` throws if the row (null when none) is not the one
   * expected. On PostgreSQL the group may run it later, with its other writes' such changes in
   * one statement (one round trip for all); a check that throws there runs the group again with
   * each write on its own, where the check's error is that write's answer.
   */
  expectRow<R extends object>(
    statement: RawBuilder<R>,
    events: readonly NewEvent[],
    check: (row: R | null) => void,
  ): Promise<void>;
}

const MAX_GROUP = 256;

/**
 * For the crash test only (tests/server/group-commit-crash.test.ts): SWITCHBOARD_TEST_CRASH_IN_GROUP
 * = `before-commit:N` or `after-commit:N` makes this process SIGKILL itself in the N-th group of
 * two writes or more, once its writes have run but before its COMMIT, or once committed but
 * before any of its writers is answered.
 */
const crashPoint = (() => {
  const m = /^(before|after)-commit:(\d+)$/.exec(process.env.SWITCHBOARD_TEST_CRASH_IN_GROUP ?? '');
  return m ? { when: m[1] as 'before' | 'after', group: Number(m[2]) } : null;
})();
let groupsSeen = 0;
function crashIf(when: 'before' | 'after', size: number, counted = false) {
  if (!crashPoint || size < 2) return;
  if (counted) groupsSeen++;
  if (crashPoint.when === when && groupsSeen === crashPoint.group)
    process.kill(process.pid, 'SIGKILL');
}

/**
 * Group commit. Writes of one organisation that arrive together (in the same turn of the event
 * loop, or while the previous group is committing) run in one transaction, where one refusal
 * undoes only itself (see `attempt`); the group costs one commit (one fsync), and
 * every writer is answered only after it. Groups of one org run one after another, holding the
 * org lock, so event ids become visible in id order.
 *
 * Nothing waits for a group to fill: a write that finds its org idle is taken at the end of the
 * current event-loop turn (setImmediate, no timer), with whatever else arrived in that turn.
 */
export class GroupCommitter {
  private queues = new Map<string, PendingWrite[]>();
  private busy = new Set<string>();

  constructor(private deps: ServerDeps) {}

  submit(write: PendingWrite): void {
    const queue = this.queues.get(write.orgId);
    if (queue) queue.push(write);
    else this.queues.set(write.orgId, [write]);
    if (this.busy.has(write.orgId)) return;
    this.busy.add(write.orgId);
    setImmediate(() => void this.drain(write.orgId));
  }

  private async drain(orgId: string): Promise<void> {
    try {
      for (;;) {
        const queue = this.queues.get(orgId);
        if (!queue || queue.length === 0) break;
        await this.commit(orgId, queue.splice(0, MAX_GROUP));
      }
    } finally {
      this.queues.delete(orgId);
      this.busy.delete(orgId);
    }
  }

  private async commit(orgId: string, group: readonly PendingWrite[]): Promise<void> {
    let done: { outcomes: WriteOutcome[]; changed: boolean };
    try {
      done = await this.attempt(orgId, group, false).catch((error: unknown) => {
        // Rolled back before its commit: run the group again, each write in a savepoint.
        if (error instanceof UndoNeeded) return this.attempt(orgId, group, true);
        throw error;
      });
    } catch (error) {
      // The transaction itself failed: nothing of the group was written.
      for (const write of group) write.settle({ ok: false, error });
      return;
    }
    crashIf('after', group.length);
    if (done.changed) this.deps.bus.wake(orgId);
    group.forEach((write, i) => write.settle(done.outcomes[i]!));
  }

  /**
   * The group in one transaction. Without savepoints first (two statements fewer per write, a
   * round trip on PostgreSQL): a write refused before it changed anything is left out as it is,
   * which is nearly every refusal (a post held by someone else, a missing permission). A write
   * that fails after a change, or on a database error, throws UndoNeeded: the transaction rolls
   * back and the group runs again with a savepoint per write, so that only that write is undone.
   */
  private attempt(orgId: string, group: readonly PendingWrite[], withSavepoints: boolean) {
    const { store } = this.deps;
    const { dialect } = store;
    return store.db.transaction().execute(async (trx) => {
      const now = await lockOrgAndReadNow(trx, dialect, orgId);
      // The posts the group's writes name, read at once under the lock: a write on a post no
      // earlier write of the group changed, with only such writes before it, reads its state
      // from here (one statement for the group instead of one per write).
      const keys = new Set(group.flatMap((w) => (w.postKey ? [w.postKey] : [])));
      const early = keys.size > 1 ? await postStates(trx, dialect, orgId, [...keys]) : null;
      const changedKeys = new Set<string>();
      let anyOtherChange = false;
      const outcomes: WriteOutcome[] = [];
      let changed = false;
      let lastEventId: number | null = null;
      const noteEvent = (id: number | null) => {
        if (id !== null) lastEventId = Math.max(id, lastEventId ?? 0);
      };
      // Guarded changes held back (PostgreSQL, no savepoints): each on a post of its own.
      let held: (GuardedChange & { check(row: unknown): void; postKey: string })[] = [];
      let notified = false;
      /** Runs the held changes; the last flush of the group also sends its NOTIFY. */
      const flush = async (last = false) => {
        if (held.length === 0) return;
        const batch = held;
        held = [];
        const done = await appendGuardedChanges(trx, batch, last ? orgId : undefined);
        notified = last;
        noteEvent(done.lastEventId);
        batch.forEach((c, i) => {
          try {
            c.check(done.rows[i] ?? null);
          } catch {
            throw new UndoNeeded();
          }
        });
      };
      const deferring = dialect === 'postgres' && !withSavepoints;
      if (withSavepoints) await savepoints.first(trx);
      for (const [i, write] of group.entries()) {
        // A write that may read what a held change wrote runs after it.
        if (!write.postKey || held.some((c) => c.postKey === write.postKey)) await flush();
        if (withSavepoints && i > 0) await savepoints.next(trx, dialect);
        const watch = new MutationWatch();
        const wtrx = withSavepoints ? trx : trx.withPlugin(watch);
        const mine: typeof held = [];
        const reads: GroupReads = {
          direct() {
            watch.mutated = true;
            return store.sqlite;
          },
          postState(postKey) {
            const known = anyOtherChange || changedKeys.has(postKey) ? null : early?.get(postKey);
            return known ? Promise.resolve(known) : postState(wtrx, orgId, postKey);
          },
          async expectRow(statement, events, check) {
            if (deferring && write.postKey) {
              const c = check as (row: unknown) => void;
              mine.push({ statement, events, check: c, postKey: write.postKey });
              return;
            }
            const done = await appendEventsIf(wtrx, dialect, statement, events);
            noteEvent(done.lastEventId);
            check(done.row);
          },
        };
        let touched = true;
        try {
          const done = await write.run(wtrx, now, reads);
          outcomes.push({ ok: true, value: done.value });
          changed ||= done.changed;
          touched = done.changed;
          noteEvent(done.lastEventId);
          held.push(...mine);
        } catch (error) {
          if (withSavepoints) await savepoints.undo(trx);
          else if (!(error instanceof TRPCError && watch.untouched)) throw new UndoNeeded();
          else touched = false;
          outcomes.push({ ok: false, error });
        }
        if (touched) {
          if (write.postKey) changedKeys.add(write.postKey);
          else anyOtherChange = true;
        }
      }
      await flush(true);
      if (withSavepoints) await savepoints.release(trx);
      if (lastEventId !== null && !notified)
        await notifyCommit(trx, dialect, { orgId, eventId: lastEventId });
      crashIf('before', group.length, true);
      return { outcomes, changed };
    });
  }
}

class UndoNeeded extends Error {}
