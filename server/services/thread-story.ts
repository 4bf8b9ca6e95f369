import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readNow } from '../db/dialect.ts';
import type { Store } from '../db/connect.ts';
import type {
  EventType,
  Mentions,
  Note,
  NoteKind,
  StoryStep,
  SyncEvent,
  ThreadStory,
} from '../../shared/domain/schemas/index.ts';
import { canReadNotes } from '../../shared/domain/permissions.ts';
import type { Caller } from './deps.ts';
import { threadAudience, threadConsults } from './consults.ts';
import { toSyncEvent } from './event-log.ts';
import { threadRow } from './thread-access.ts';
import { loadView } from './views.ts';

/** A post's story is short; a thread this busy shows its latest steps. */
const MAX_EVENTS = 1000;

/** Renewals are the lease keeper's heartbeat, not steps of the story. */
const UNTOLD: EventType[] = ['claim.renewed'];

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function toNote(e: SyncEvent): Note {
  const d = e.data;
  const mentions = (d.mentions as Mentions | undefined) ?? { memberIds: [], departmentIds: [] };
  return {
    id: e.id,
    authorId: e.actorId,
    at: e.at,
    text: str(d.text) ?? '',
    mentions,
    kind: (str(d.kind) as NoteKind | null) ?? 'note',
    consultIds: Array.isArray(d.consultIds)
      ? d.consultIds.filter((c) => typeof c === 'string')
      : [],
  };
}

function toStep(e: SyncEvent): StoryStep {
  const d = e.data;
  const step = {
    eventId: e.id,
    type: e.type,
    at: e.at,
    actorId: e.actorId,
    departmentId: null,
    memberId: null,
    previousMemberId: null,
    automatic: d.automatic === true,
  };
  switch (e.type) {
    case 'thread.routed':
      return { ...step, departmentId: str(d.to) };
    case 'thread.assigned':
      return { ...step, memberId: str(d.to), previousMemberId: str(d.from) };
    case 'claim.expired':
      return { ...step, memberId: str(d.holderId) };
    case 'claim.overridden':
      return { ...step, memberId: str(d.toMemberId), previousMemberId: str(d.previousHolderId) };
    case 'thread.replied':
      // Told at the moment it was sent; memberId is whoever held the claim meanwhile, if not the sender.
      return {
        ...step,
        at: typeof d.sentAt === 'number' ? d.sentAt : e.at,
        memberId: str(d.claimHolderId),
        reply: { text: str(d.text) ?? '', withoutClaim: d.withoutClaim === true },
      };
    case 'consult.opened':
    case 'consult.answered':
    case 'consult.withdrawn':
      return { ...step, departmentId: str(d.departmentId) };
    default:
      return step;
  }
}

async function memberNames(db: Kysely<Database>, orgId: string, ids: Set<string>) {
  if (ids.size === 0) return {};
  // Removed members keep their names: the story is a record.
  const rows = await db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/**
 * threads.story: the thread, its consults, its internal notes (newest last) and its timeline, all
 * from the log. Notes only for those who may read them (canReadNotes); the timeline is what the
 * badges already tell everyone (who routed, claimed, asked), so everyone gets it.
 */
export async function threadStory(
  { db, dialect }: Store,
  caller: Caller,
  postKey: string,
): Promise<ThreadStory> {
  const { orgId } = caller;
  const now = await readNow(db, dialect);
  const row = await threadRow(db, orgId, postKey);
  const canRead = canReadNotes(caller, await threadAudience(db, orgId, row));
  const view = (await loadView(db, orgId, postKey, now))!;
  const consults = await threadConsults(db, orgId, postKey);
  const events = (
    await db
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('post_key', '=', postKey)
      .where('type', 'not in', UNTOLD)
      .orderBy('id', 'desc')
      .limit(MAX_EVENTS)
      .execute()
  )
    .reverse()
    .map(toSyncEvent);
  const notes = canRead ? events.filter((e) => e.type === 'note.added').map(toNote) : [];
  const timeline = events.filter((e) => e.type !== 'note.added').map(toStep);
  const ids = new Set<string>();
  const add = (id: string | null) => id !== null && ids.add(id);
  for (const s of timeline) [s.actorId, s.memberId, s.previousMemberId].forEach(add);
  for (const n of notes) [n.authorId, ...n.mentions.memberIds].forEach(add);
  for (const c of consults) [c.openedBy, c.closedBy].forEach(add);
  return {
    view,
    now,
    canReadNotes: canRead,
    notes,
    consults,
    timeline,
    memberNames: await memberNames(db, orgId, ids),
  };
}
