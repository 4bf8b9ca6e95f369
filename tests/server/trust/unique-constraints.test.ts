import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import { classifyDatabaseError, UNIQUE_FALLBACK } from '../../../server/db/errors.ts';
import { publicError } from '../../../server/trpc/errors.ts';
import { backend, skipReason } from '../harness.ts';
import { post, world } from '../callers/world.ts';
import type { World } from '../callers/world.ts';
import { DATABASE_TEXT } from './fuzz-support.ts';

/**
 * Issue 10: every unique constraint maps to CONFLICT with a clear message of its own. Every table
 * of the database (read from its catalogue at run time, so a new one is held too) gets a copy of
 * one of its rows (its primary key) and a copy under a new id (any other unique constraint), each
 * in a transaction rolled back; what the database raises is classified as CONFLICT with the
 * table's own message (never the generic fallback) and answered without the database's text.
 */
describe.skipIf(!!skipReason)(`trust: unique constraints answer CONFLICT (${backend})`, () => {
  let w: World;

  beforeAll(async () => {
    w = await world();
    // A row in every table: members, tokens, departments and their links, a thread, a claim
    // (with a client mutation id), a consult, a rule, events.
    const ana = await w.member('Ana', 'member', ['Support']);
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    await ana.call.claims.acquire({ postKey: p.key, clientMutationId: 'outbox-00000001' });
    await ana.call.consults.open({
      postKey: p.key,
      departmentId: w.departments.Sales!.id,
      text: 'Sales?',
    });
    await w.admin.call.rules.create({
      name: 'Refunds',
      keywords: ['refund'],
      departmentId: w.departments.Support!.id,
    });
  });
  afterAll(() => w.close());

  /** The tables procedures write (the migrator's own bookkeeping is written only at start). */
  async function tables(): Promise<string[]> {
    const { db, dialect } = w.deps.store;
    const query =
      dialect === 'sqlite'
        ? sql<{ name: string }>`select name from sqlite_master where type = 'table'
            and name not like 'sqlite_%' and name not like 'schema_migrations%'`
        : sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_name not like 'schema_migrations%'`;
    return (await query.execute(db)).rows.map((r) => r.name).sort();
  }

  /** What the database raises for inserting `row` into `table`; nothing is kept either way. */
  async function raised(table: string, row: Record<string, unknown>): Promise<unknown> {
    const rollback = new Error('rollback');
    let error: unknown = null;
    await w.deps.store.db
      .transaction()
      .execute(async (trx) => {
        const columns = Object.keys(row);
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
          values (${sql.join(columns.map((c) => row[c]))})`
          .execute(trx)
          .catch((e: unknown) => (error = e));
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    return error;
  }

  it('maps a duplicate in every table to CONFLICT with that table’s own words', async () => {
    const names = await tables();
    expect(names.length).toBeGreaterThanOrEqual(11);
    const seen: string[] = [];
    for (const table of names) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} limit 1`
        .execute(w.deps.store.db)
        .then((r) => r.rows);
      expect([table, rows.length]).toEqual([table, 1]);
      const row = rows[0]!;
      const copies = [row];
      if (typeof row.id === 'string') copies.push({ ...row, id: `${row.id}-copy` });
      for (const copy of copies) {
        const error = await raised(table, copy);
        if (copy !== row && error === null) continue; // no other unique constraint
        const refusal = classifyDatabaseError(error);
        expect([table, refusal?.code]).toEqual([table, 'CONFLICT']);
        expect([table, refusal?.message]).not.toEqual([table, UNIQUE_FALLBACK]);
        const answer = publicError(
          new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error }),
          table,
        );
        expect(answer.code).toBe('CONFLICT');
        expect(answer.message).not.toMatch(DATABASE_TEXT);
        seen.push(`${table}${copy === row ? '' : ' (another unique column)'}: ${answer.message}`);
      }
    }
    console.log(`unique constraints (${backend}):\n  ${seen.join('\n  ')}`);
    // The secondary ones: a department's name in its organisation, a token's hash.
    expect(seen.filter((s) => s.includes('another unique column')).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});
