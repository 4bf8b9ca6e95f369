import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Replies recorded from the sites' own reply boxes and departments' watch phrases (issue 13).
// The reply itself lives in the event log (`thread.replied`, its text in data); the thread keeps
// whether a reply was sent without the claim, so the dashboard's queue can flag it for leads.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('departments')
    .addColumn('watch_phrases', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
  await db.schema
    .alterTable('threads')
    .addColumn('answered_without_claim', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
