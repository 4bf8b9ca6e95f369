import { TRPCError } from '@trpc/server';
import { lockOrgAndReadNow, notifyCommit, savepoints } from '../db/dialect.ts';
import { MutationWatch } from './mutation-watch.ts';
import type { ServerDeps, Trx } from './deps.ts';

export type WriteOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** One write waiting for its group: it runs inside the group's transaction, in a savepoint. */
export interface PendingWrite {
  orgId: string;
  /** Runs the write; says whether it changed anything (a replay does not) and its last event. */
  run(
    trx: Trx,
    now: number,
  ): Promise<{ value: unknown; changed: boolean; lastEventId: number | null }>;
  settle(outcome: WriteOutcome): void;
}

const MAX_GROUP = 256;

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
    return store.db.transaction().execute(async (trx) => {
      const now = await lockOrgAndReadNow(trx, store.dialect, orgId);
      const outcomes: WriteOutcome[] = [];
      let changed = false;
      let lastEventId: number | null = null;
      if (withSavepoints) await savepoints.first(trx);
      for (const [i, write] of group.entries()) {
        if (withSavepoints && i > 0) await savepoints.next(trx, store.dialect);
        const watch = new MutationWatch();
        try {
          const done = await write.run(withSavepoints ? trx : trx.withPlugin(watch), now);
          outcomes.push({ ok: true, value: done.value });
          changed ||= done.changed;
          lastEventId = done.lastEventId ?? lastEventId;
        } catch (error) {
          if (withSavepoints) await savepoints.undo(trx);
          else if (!(error instanceof TRPCError && watch.untouched)) throw new UndoNeeded();
          outcomes.push({ ok: false, error });
        }
      }
      if (withSavepoints) await savepoints.release(trx);
      if (lastEventId !== null)
        await notifyCommit(trx, store.dialect, { orgId, eventId: lastEventId });
      return { outcomes, changed };
    });
  }
}

class UndoNeeded extends Error {}
