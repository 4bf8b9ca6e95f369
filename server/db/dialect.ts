import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Database } from './schema.ts';

/**
 * Every difference between SQLite and PostgreSQL the server knows of, in one place (DESIGN.md,
 * Storage): the clock, how one organisation's writes are serialised, how other instances hear of
 * a commit, and the column types the migrations need.
 */
export type DialectName = 'sqlite' | 'postgres';

/**
 * The database's clock in epoch ms. Leases are judged by it, never by a client's or this
 * process's clock, so several server instances agree. PostgreSQL's clock_timestamp() is the
 * real time (now() is frozen at the start of a transaction).
 */
export function dbNow(dialect: DialectName): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
}

/** Reads the database clock once (epoch ms). */
export async function readNow(db: Kysely<Database>, dialect: DialectName): Promise<number> {
  const { rows } = await sql<{ now: number }>`select ${dbNow(dialect)} as now`.execute(db);
  return Number(rows[0]!.now);
}

/**
 * Serialises one organisation's writes until the transaction ends, so event ids commit in id
 * order, and reads the clock after taking the lock (so the clocks of an org's writes never go
 * back); one statement. SQLite needs no lock: it has one writer.
 */
export async function lockOrgAndReadNow(
  trx: Kysely<Database>,
  dialect: DialectName,
  orgId: string,
): Promise<number> {
  if (dialect === 'sqlite') return readNow(trx, dialect);
  const { rows } = await sql<{ now: number }>`
    select ${dbNow(dialect)} as now from (select pg_advisory_xact_lock(hashtext(${orgId}))) locked`.execute(
    trx,
  );
  return Number(rows[0]!.now);
}

/**
 * Savepoints around each write of a group. PostgreSQL takes "release the last, open the next" as
 * one simple query, so a write costs one round trip for them; SQLite runs one statement at a time
 * (and has no round trips).
 */
export const savepoints = {
  first: (trx: Kysely<Database>) => sql`savepoint write`.execute(trx),
  async next(trx: Kysely<Database>, dialect: DialectName) {
    if (dialect === 'postgres')
      await sql.raw('release savepoint write; savepoint write').execute(trx);
    else {
      await sql`release savepoint write`.execute(trx);
      await sql`savepoint write`.execute(trx);
    }
  },
  release: (trx: Kysely<Database>) => sql`release savepoint write`.execute(trx),
  /** Undoes the current write only, and opens its savepoint again for the next. */
  async undo(trx: Kysely<Database>) {
    await sql`rollback to savepoint write`.execute(trx);
  },
};

export const NOTIFY_CHANNEL = 'switchboard_events';

/**
 * Tells other instances (LISTEN/NOTIFY) that an org's log grew; transactional, so they hear of
 * it only after the commit. SQLite has one instance: its in-process bus is enough.
 */
export async function notifyCommit(
  trx: Kysely<Database>,
  dialect: DialectName,
  note: { orgId: string; eventId: number },
) {
  if (dialect === 'postgres')
    await sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(note)})`.execute(trx);
}

/**
 * notifyCommit as an expression, for a statement that already runs at the end of a group (one
 * round trip fewer); PostgreSQL only. `eventId` is an SQL expression for the last event id.
 */
export function notifyCommitExpression(orgId: string, eventId: RawBuilder<unknown>) {
  return sql`pg_notify(${NOTIFY_CHANNEL}, json_build_object('orgId', cast(${orgId} as text), 'eventId', ${eventId})::text)`;
}

/**
 * The schema the migrations' own tables live in. PostgreSQL must be told: the migrator looks
 * for its tables in every schema otherwise, and finds another schema's (several databases
 * sharing a server, e.g. one schema per test run).
 */
export async function migrationSchema(
  db: Kysely<Database>,
  dialect: DialectName,
): Promise<string | undefined> {
  if (dialect === 'sqlite') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}

/** A column's type as `jsonRows` reads it. */
export type JsonColumn = 'text' | 'integer' | 'millis';

/**
 * Rows handed over as one JSON array (one parameter, where a multi-row VALUES list binds one
 * parameter per cell: thousands for a batch of posts) and read back as a SELECT, for
 * `insert into t (columns) <this>`. Ends in a WHERE, which SQLite needs before an ON CONFLICT.
 */
export function jsonRows(
  dialect: DialectName,
  json: string,
  columns: Readonly<Record<string, JsonColumn>>,
): RawBuilder<unknown> {
  const names = Object.keys(columns);
  if (dialect === 'sqlite')
    return sql`select ${sql.join(names.map((c) => sql`value ->> ${'$.' + c}`))}
      from json_each(${json}) where true`;
  const types = { text: 'text', integer: 'integer', millis: 'bigint' } as const;
  const shape = names.map((c) => sql`${sql.ref(c)} ${sql.raw(types[columns[c]!])}`);
  return sql`select ${sql.join(names.map((c) => sql.ref(c)))}
    from jsonb_to_recordset(cast(${json} as jsonb)) as r (${sql.join(shape)}) where true`;
}

/** SQLite's own prepared statements on the store's one connection (connect.ts). */
export interface SqliteStatements {
  prepare(text: string): Statement;
}

type Cell = string | number | null;

/**
 * Inserts many rows into `table` in the caller's transaction, skipping a row whose `conflict`
 * key exists, and resolves with the `returning` column of each row inserted. SQLite runs in this
 * process: one cached statement run per row, on the same connection (so in the same
 * transaction), costs a third of one statement carrying them all (thousands of parameters to
 * bind, or one JSON text to take apart). PostgreSQL gets them in one JSON parameter: one round
 * trip. In a write, `store.sqlite` is the write's own (WriteContext.direct), so that its group
 * knows it changed something.
 */
export async function insertRows<K extends string>(
  trx: Kysely<Database>,
  store: { dialect: DialectName; sqlite: SqliteStatements | null },
  table: string,
  columns: Readonly<Record<string, JsonColumn>>,
  rows: readonly Readonly<Record<string, Cell>>[],
  { conflict, returning }: { conflict: readonly string[]; returning: K },
): Promise<Record<K, Cell>[]> {
  const names = Object.keys(columns);
  if (store.sqlite) {
    const statement = store.sqlite.prepare(
      `insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})
      on conflict (${conflict.join(', ')}) do nothing returning ${returning}`,
    );
    return rows.flatMap((row) => {
      const made = statement.get(names.map((c) => row[c])) as Record<K, Cell> | undefined;
      return made ? [made] : [];
    });
  }
  const { rows: made } = await sql<Record<K, Cell>>`
    insert into ${sql.table(table)} (${sql.join(names.map((c) => sql.ref(c)))})
    ${jsonRows(store.dialect, JSON.stringify(rows), columns)}
    on conflict (${sql.join(conflict.map((c) => sql.ref(c)))}) do nothing
    returning ${sql.ref(returning)}`.execute(trx);
  return made;
}

/** Column types of the migrations: epoch ms and the event log's increasing id. */
export function columnTypes(dialect: DialectName) {
  return dialect === 'postgres'
    ? ({ millis: 'bigint', eventId: 'bigserial', eventIdAutoIncrement: false } as const)
    : ({ millis: 'integer', eventId: 'integer', eventIdAutoIncrement: true } as const);
}
