import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { DialectName } from '../dialect.ts';

// Internal notes and consults (issue 12). Notes live in the event log (`note.added`); the
// consults table holds each consult's state for permissions, queue filters and metrics; the
// thread keeps its note count and open consults (JSON) so every badge reads them with the thread.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const ms = columnTypes(dialect).millis;

  await db.schema
    .alterTable('threads')
    .addColumn('note_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('threads')
    .addColumn('waiting_on', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();

  await db.schema
    .createTable('consults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_key', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    /** The thread's department when it was asked: whose wait it is, for metrics. */
    .addColumn('owner_department_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', ms, (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', ms)
    .addColumn('question_note_id', 'bigint')
    .addColumn('answer_note_id', 'bigint')
    .execute();
  await db.schema
    .createIndex('consults_thread')
    .on('consults')
    .columns(['org_id', 'post_key'])
    .execute();
  await db.schema
    .createIndex('consults_waiting')
    .on('consults')
    .columns(['org_id', 'status', 'department_id'])
    .execute();
  await db.schema
    .createIndex('consults_opened')
    .on('consults')
    .columns(['org_id', 'opened_at'])
    .execute();

  // The thread panel reads one post's story from the log.
  await db.schema
    .createIndex('events_post')
    .on('events')
    .columns(['org_id', 'post_key', 'id'])
    .execute();
}
