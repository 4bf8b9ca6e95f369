import type { Kysely, Selectable } from 'kysely';
import type { ConsultTable, Database } from '../db/schema.ts';
import type { Consult } from '../../shared/domain/schemas/index.ts';
import type { ThreadAudience } from '../../shared/domain/permissions.ts';
import { waitingOnOf } from '../../shared/domain/consult-state.ts';
import type { Trx } from './deps.ts';

/** The consults table: each consult's state, for permissions, badges, queue filters and metrics. */

export function toConsult(r: Selectable<ConsultTable>): Consult {
  return {
    id: r.id,
    postKey: r.post_key,
    departmentId: r.department_id,
    status: r.status,
    openedBy: r.opened_by,
    openedAt: r.opened_at,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
    questionNoteId: r.question_note_id === null ? null : Number(r.question_note_id),
    answerNoteId: r.answer_note_id === null ? null : Number(r.answer_note_id),
  };
}

/** A thread's consults, oldest first. */
export async function threadConsults(
  db: Kysely<Database>,
  orgId: string,
  postKey: string,
): Promise<Consult[]> {
  const rows = await db
    .selectFrom('consults')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('post_key', '=', postKey)
    .orderBy('opened_at')
    .orderBy('id')
    .execute();
  return rows.map(toConsult);
}

/** Every department ever asked about each thread (answered or withdrawn: they read it then). */
export async function consultedDepartments(
  db: Kysely<Database>,
  orgId: string,
  postKeys: readonly string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (postKeys.length === 0) return found;
  const rows = await db
    .selectFrom('consults')
    .select(['post_key', 'department_id'])
    .distinct()
    .where('org_id', '=', orgId)
    .where('post_key', 'in', [...new Set(postKeys)])
    .execute();
  for (const r of rows) found.set(r.post_key, [...(found.get(r.post_key) ?? []), r.department_id]);
  return found;
}

/** Who reads a thread's internal notes (shared/domain/role-rules.ts, canReadNotes). */
export async function threadAudience(
  db: Kysely<Database>,
  orgId: string,
  thread: { post_key: string; department_id: string | null },
): Promise<ThreadAudience> {
  const consulted = await consultedDepartments(db, orgId, [thread.post_key]);
  return {
    departmentId: thread.department_id,
    consultedDepartmentIds: consulted.get(thread.post_key) ?? [],
  };
}

/**
 * After a note or consult change: the thread's note count and open consults as badges show them,
 * and a new version, so every cache takes the new snapshot over the old one.
 */
export async function refreshThread(
  trx: Trx,
  orgId: string,
  thread: { post_key: string; version: number; note_count: number },
  addedNotes: number,
): Promise<void> {
  const waitingOn = waitingOnOf(await threadConsults(trx, orgId, thread.post_key));
  await trx
    .updateTable('threads')
    .set({
      note_count: thread.note_count + addedNotes,
      waiting_on: JSON.stringify(waitingOn),
      version: thread.version + 1,
    })
    .where('org_id', '=', orgId)
    .where('post_key', '=', thread.post_key)
    .execute();
}
