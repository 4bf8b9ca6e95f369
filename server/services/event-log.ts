import { sql } from 'kysely';
import type { Kysely, RawBuilder, Selectable } from 'kysely';
import type { Database, EventTable } from '../db/schema.ts';
import { notifyCommitExpression } from '../db/dialect.ts';
import type { DialectName, SqliteStatements } from '../db/dialect.ts';
import type { Trx } from './deps.ts';
import { ONCE } from '../db/prepared-statements.ts';
import type { Claim, EventType, SyncEvent, Thread } from '../../shared/domain/schemas/index.ts';

/** What a write says about an event; runWrite adds the organisation, the time and the actor. */
export interface EventFields {
  type: EventType;
  postKey: string | null;
  thread?: Thread | null;
  claim?: Claim | null;
  data?: Record<string, unknown>;
  /** Defaults to the member making the write; null for the server itself. */
  actorId?: string | null;
}

export interface NewEvent extends EventFields {
  orgId: string;
  actorId: string | null;
  at: number;
}

/**
 * Appends events to the log inside the write's transaction (through WriteContext.emit), in one
 * statement, in order; returns the last id. Written as SQL: it runs on every write.
 */
export async function appendEvents(
  trx: Trx,
  events: readonly NewEvent[],
  sqlite: SqliteStatements | null = null,
): Promise<number> {
  if (sqlite) {
    // In this process: a statement run per event (dialect.ts, insertRows), ids in order.
    const statement = sqlite.prepare(
      'insert into events (org_id, type, post_key, actor_id, at, payload) values (?, ?, ?, ?, ?, ?)',
    );
    let last = 0;
    for (const e of events)
      last = Number(
        statement.run(e.orgId, e.type, e.postKey, e.actorId, e.at, payloadOf(e)).lastInsertRowid,
      );
    return last;
  }
  const { rows: ids } = await sql<{ id: number }>`
    insert into events (org_id, type, post_key, actor_id, at, payload)
    values ${sql.join(events.map((e) => eventValues(e)))} returning id`.execute(trx);
  return Math.max(...ids.map((r) => Number(r.id)));
}

/**
 * Runs `statement` (a change with RETURNING) and logs `events` only when it returns a row; on
 * PostgreSQL as one statement, so one round trip where there were two (the claim path).
 * Resolves with the statement's row, or null (then nothing was logged), and the last event id.
 */
export async function appendEventsIf<R extends object>(
  trx: Trx,
  dialect: DialectName,
  statement: RawBuilder<R>,
  events: readonly NewEvent[],
): Promise<{ row: R | null; lastEventId: number | null }> {
  if (dialect === 'sqlite') {
    // SQLite has no changes inside WITH, and no round trips to save.
    const { rows } = await statement.execute(trx);
    const row = rows[0] ?? null;
    return { row, lastEventId: row ? await appendEvents(trx, events) : null };
  }
  const { rows } = await sql<R & { sb_last_event_id: number | null }>`
    with guarded as (${statement}),
    logged as (
      insert into events (org_id, type, post_key, actor_id, at, payload)
      select v.* from (values ${sql.join(events.map((e) => eventValues(e, 'cast')))})
        as v (org_id, type, post_key, actor_id, at, payload)
      where exists (select 1 from guarded)
      returning id)
    select guarded.*, (select max(id) from logged) as sb_last_event_id from guarded`.execute(trx);
  const found = rows[0];
  if (!found) return { row: null, lastEventId: null };
  const { sb_last_event_id: lastEventId, ...row } = found;
  return { row: row as unknown as R, lastEventId: Number(lastEventId) };
}

/** A change a write expects to return a row, and the events it logs with it. */
export interface GuardedChange {
  statement: RawBuilder<object>;
  events: readonly NewEvent[];
}

/**
 * Several writes' guarded changes (each on a post of its own) and their events as one statement
 * on PostgreSQL: one round trip for a group's claims where there was one each. Resolves with each
 * statement's row as JSON (null where it returned none: then its events are not logged) and the
 * last event id. Events are numbered in the order given.
 */
export async function appendGuardedChanges(
  trx: Trx,
  changes: readonly GuardedChange[],
  /** Also tells other instances of this org's commit (notifyCommit) in the same statement. */
  notifyOrgId?: string,
): Promise<{ rows: (Record<string, unknown> | null)[]; lastEventId: number | null }> {
  // Not worth a prepared statement's name (db/prepared-statements.ts): the text changes with the
  // group.
  const ctes = changes.map((c, n) => sql`${sql.raw(`s${n}`)} as (${c.statement}),`);
  let ord = 0;
  const values = changes.flatMap((c, n) =>
    c.events.map((e) => sql`(${sql.lit(n)}, ${sql.lit(ord++)}, ${eventCells(e, 'cast')})`),
  );
  const done = sql.raw(changes.map((_, n) => `select ${n} from s${n}`).join(' union all '));
  const logged =
    values.length === 0
      ? sql`select null::bigint as id where false`
      : sql`insert into events (org_id, type, post_key, actor_id, at, payload)
      select org_id, type, post_key, actor_id, at, payload
      from (values ${sql.join(values)}) as v (n, ord, org_id, type, post_key, actor_id, at, payload)
      where n in (${done})
      order by ord
      returning id`;
  const rows = sql.join(
    changes.map((_, n) => sql.raw(`(select row_to_json(s${n}) from s${n}) as r${n}`)),
  );
  const lastId = sql`(select max(id) from logged)`;
  const notify = notifyOrgId
    ? sql`, ${notifyCommitExpression(notifyOrgId, lastId)} as sb_notified`
    : sql``;
  const { rows: found } = await sql<Record<string, unknown>>`${sql.raw(ONCE)}
    with ${sql.join(ctes, sql` `)} logged as (${logged})
    select ${rows}, ${lastId} as sb_last_event_id${notify}`.execute(trx);
  const result = found[0]!;
  const last = result.sb_last_event_id;
  return {
    rows: changes.map((_, n) => (result[`r${n}`] as Record<string, unknown> | null) ?? null),
    lastEventId: last === null || last === undefined ? null : Number(last),
  };
}

// A new post's events (post.seen, thread.routed) carry the same thread: its JSON is made once.
const threadTexts = new WeakMap<Thread, string>();

/** One event's row; inside a SELECT (cast) PostgreSQL needs its epoch-ms column typed. */
function eventValues(e: NewEvent, cast?: 'cast') {
  return sql`(${eventCells(e, cast)})`;
}

/** The same text as JSON.stringify({ thread, claim, data }). */
function payloadOf(e: NewEvent) {
  let thread = e.thread ? threadTexts.get(e.thread) : 'null';
  if (thread === undefined) threadTexts.set(e.thread!, (thread = JSON.stringify(e.thread)));
  return `{"thread":${thread},"claim":${JSON.stringify(e.claim ?? null)},"data":${JSON.stringify(e.data ?? {})}}`;
}

function eventCells(e: NewEvent, cast?: 'cast') {
  const at = cast ? sql`cast(${e.at} as bigint)` : sql`${e.at}`;
  return sql`${e.orgId}, ${e.type}, ${e.postKey}, ${e.actorId}, ${at}, ${payloadOf(e)}`;
}

export function toSyncEvent(row: Selectable<EventTable>): SyncEvent {
  const payload = JSON.parse(row.payload) as Pick<SyncEvent, 'thread' | 'claim' | 'data'>;
  return {
    id: row.id,
    type: row.type as EventType,
    postKey: row.post_key,
    actorId: row.actor_id,
    at: row.at,
    ...payload,
  };
}

export async function eventsAfter(
  db: Kysely<Database>,
  orgId: string,
  afterId: number,
  limit: number,
): Promise<SyncEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toSyncEvent);
}

export async function latestEventId(db: Kysely<Database>, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
