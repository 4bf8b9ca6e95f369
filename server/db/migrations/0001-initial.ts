import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { DialectName } from '../dialect.ts';

// One set of migrations for SQLite and PostgreSQL: portable types only (text, integer, bigint),
// epoch-ms timestamps, JSON kept as text; the dialect's types come from dialect.ts.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const types = columnTypes(dialect);
  const ms = types.millis;

  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('removed_at', ms)
    .execute();
  await db.schema.createIndex('members_org').on('members').column('org_id').execute();

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('revoked_at', ms)
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('sla_minutes', 'integer', (c) => c.notNull())
    .addColumn('guidelines', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addUniqueConstraint('departments_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('member_departments')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('member_departments_pk', ['member_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('threads')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_key', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('author_handle', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('posted_at', ms)
    .addColumn('department_id', 'text')
    .addColumn('suggested_department_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('first_seen_at', ms, (c) => c.notNull())
    .addColumn('first_seen_by', 'text')
    .addColumn('answered_at', ms)
    .addColumn('answered_by', 'text')
    .addColumn('due_at', ms)
    .addPrimaryKeyConstraint('threads_pk', ['org_id', 'post_key'])
    .execute();
  await db.schema
    .createIndex('threads_queue')
    .on('threads')
    .columns(['org_id', 'status', 'due_at'])
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('post_key', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text')
    .addColumn('token', 'integer', (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .addColumn('acquired_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('claims_pk', ['org_id', 'post_key'])
    .execute();
  await db.schema.createIndex('claims_expiry').on('claims').column('expires_at').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', types.eventId, (c) =>
      types.eventIdAutoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('post_key', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_org_id').on('events').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mutations')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('mutations_pk', ['org_id', 'member_id', 'client_id'])
    .execute();
}
