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

/** Appends to the log inside the write's transaction (through WriteContext.emit). */
export async function appendEvent(trx: Trx, e: NewEvent): Promise<number> {
  const payload = JSON.stringify({
    thread: e.thread ?? null,
    claim: e.claim ?? null,
    data: e.data ?? {},
  });
  const row = await trx
    .insertInto('events')
    .values({
      org_id: e.orgId,
      type: e.type,
      post_key: e.postKey,
      actor_id: e.actorId,
      at: e.at,
      payload,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function toSyncEvent(row: Selectable<EventTable>): SyncEvent {
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
