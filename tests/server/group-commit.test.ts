import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsAfter } from '../../server/services/event-log.ts';
import { runWrite, systemScope } from '../../server/services/write.ts';
import type { WriteContext } from '../../server/services/write.ts';
import { skipReason } from './harness.ts';
import { world } from './callers/world.ts';
import type { World } from './callers/world.ts';

const refused = () => new TRPCError({ code: 'CONFLICT', message: 'refused' });

/**
 * Writes that arrive in one turn share a transaction (group-commit.ts); whatever each one does,
 * the others commit as if it had been alone.
 */
describe.skipIf(!!skipReason)('group commit', () => {
  let w: World;
  let n = 0;
  beforeAll(async () => (w = await world()));
  afterAll(() => w.close());

  /** Submits every write in the same turn, so they form one group. */
  function together(...writes: ((c: WriteContext, key: string) => Promise<unknown>)[]) {
    const keys = writes.map(() => `x:group-${++n}`);
    const settled = Promise.allSettled(
      writes.map((fn, i) => runWrite(w.deps, systemScope(w.orgId), (c) => fn(c, keys[i]!))),
    );
    return { keys, settled };
  }
  const seen = (c: WriteContext, key: string) => c.emit({ type: 'post.seen', postKey: key });
  async function logged(keys: string[]) {
    const events = await eventsAfter(w.deps.store.db, w.orgId, 0, 10_000);
    return keys.map((k) => events.filter((e) => e.postKey === k).length);
  }

  it('leaves out a write refused before it wrote, and commits the others', async () => {
    const { keys, settled } = together(
      seen,
      async () => {
        throw refused();
      },
      seen,
    );
    const [a, b, c] = await settled;
    expect([a!.status, b!.status, c!.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((b as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(await logged(keys)).toEqual([1, 0, 1]);
  });

  it('undoes only the write that was refused after it wrote', async () => {
    const { keys, settled } = together(
      seen,
      async (c, key) => {
        await seen(c, key);
        throw refused(); // after its event was written: that event must go
      },
      async () => {
        throw refused();
      },
      seen,
    );
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(await logged(keys)).toEqual([1, 0, 0, 1]);
  });

  it('undoes only the write that met a database error', async () => {
    const { keys, settled } = together(
      seen,
      async (c, key) => {
        await seen(c, key);
        await sql`select * from no_such_table`.execute(c.trx); // PostgreSQL: aborts the transaction
      },
      seen,
    );
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await logged(keys)).toEqual([1, 0, 1]);
  });

  it('undoes a failed statement even when the write turned it into a refusal', async () => {
    const { keys, settled } = together(seen, async (c) => {
      // Last in its group: on PostgreSQL nothing after it would fail in its stead.
      await sql`select * from no_such_table`.execute(c.trx).catch(() => {
        throw refused();
      });
    });
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(await logged(keys)).toEqual([1, 0]);
  });

  it('runs the changes writes hold back for their group, and undoes only the one whose check fails', async () => {
    // Each on a post of its own: PostgreSQL runs their changes in one statement at the end.
    const keys = [1, 2, 3, 4].map((i) => `x:held-${++n}-${i}`);
    const held = (key: string, returnsRow: boolean) =>
      runWrite(w.deps, { ...systemScope(w.orgId), postKey: key }, async (c) => {
        await c.expectRow(
          sql<{ one: number }>`select 1 as one where 1 = ${returnsRow ? 1 : 0}`,
          (row) => {
            if (!row) throw refused();
          },
          { type: 'post.seen', postKey: key },
          { type: 'thread.routed', postKey: key },
        );
        return key;
      });
    const outcomes = await Promise.allSettled([
      held(keys[0]!, true),
      held(keys[1]!, false),
      runWrite(w.deps, systemScope(w.orgId), (c) => seen(c, keys[2]!)),
      held(keys[3]!, true),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(await logged(keys)).toEqual([2, 0, 1, 2]);
    // The log keeps the order the writes were made in.
    const events = await eventsAfter(w.deps.store.db, w.orgId, 0, 10_000);
    const order = events.filter((e) => keys.includes(e.postKey!)).map((e) => [e.postKey, e.type]);
    expect(order).toEqual([
      [keys[0], 'post.seen'],
      [keys[0], 'thread.routed'],
      [keys[2], 'post.seen'],
      [keys[3], 'post.seen'],
      [keys[3], 'thread.routed'],
    ]);
  });
});
