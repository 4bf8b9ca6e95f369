import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { Database, EventTable } from '../db/schema.ts';
import type { Trx } from './deps.ts';
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

interface NewEvent extends EventFields {
  orgId: string;
  actorId: string | null;
  at: number;
}

/**
 * Appends events to the log inside the write's transaction (through WriteContext.emit), in one
 * statement, in order; returns the last id. Written as SQL: it runs on every write.
 */
export async function appendEvents(trx: Trx, events: readonly NewEvent[]): Promise<number> {
  const rows = events.map((e) => {
    const payload = JSON.stringify({
      thread: e.thread ?? null,
      claim: e.claim ?? null,
      data: e.data ?? {},
    });
    return sql`(${e.orgId}, ${e.type}, ${e.postKey}, ${e.actorId}, ${e.at}, ${payload})`;
  });
  const { rows: ids } = await sql<{ id: number }>`
    insert into events (org_id, type, post_key, actor_id, at, payload)
    values ${sql.join(rows)} returning id`.execute(trx);
  return Math.max(...ids.map((r) => Number(r.id)));
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
