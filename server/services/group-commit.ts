import { lockOrgAndReadNow, notifyCommit, savepoints } from '../db/dialect.ts';
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
 * loop, or while the previous group is committing) run in one transaction, each in a savepoint
 * of its own so that one refusal undoes only itself; the group costs one commit (one fsync), and
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
    const { store, bus } = this.deps;
    const outcomes: WriteOutcome[] = [];
    let changed = false;
    try {
      await store.db.transaction().execute(async (trx) => {
        const now = await lockOrgAndReadNow(trx, store.dialect, orgId);
        let lastEventId: number | null = null;
        await savepoints.first(trx);
        for (const [i, write] of group.entries()) {
          if (i > 0) await savepoints.next(trx, store.dialect);
          try {
            const done = await write.run(trx, now);
            outcomes.push({ ok: true, value: done.value });
            changed ||= done.changed;
            lastEventId = done.lastEventId ?? lastEventId;
          } catch (error) {
            await savepoints.undo(trx);
            outcomes.push({ ok: false, error });
          }
        }
        await savepoints.release(trx);
        if (lastEventId !== null)
          await notifyCommit(trx, store.dialect, { orgId, eventId: lastEventId });
      });
    } catch (error) {
      // The transaction itself failed: nothing of the group was written.
      for (const write of group) write.settle({ ok: false, error });
      return;
    }
    if (changed) bus.wake(orgId);
    group.forEach((write, i) => write.settle(outcomes[i]!));
  }
}
