import type { Selectable } from 'kysely';
import type { ThreadTable } from '../db/schema.ts';
import type { Mentions, NoteKind, ThreadView } from '../../shared/domain/schemas/index.ts';
import { parseMentions } from '../../shared/domain/mentions.ts';
import type { Caller, Trx } from './deps.ts';
import { refreshThread, threadAudience } from './consults.ts';
import { listDepartments } from './departments.ts';
import { newId } from './ids.ts';
import { listMembers } from './members.ts';
import { loadView } from './views.ts';
import type { WriteContext } from './write.ts';

/**
 * Notes are events (`note.added`): their text is only ever in that event's `data.text`, which the
 * event stream keeps from members who may not read it (shared/domain/event-visibility.ts). A
 * consult's question and answer are notes; the consult events point at them by `noteId`.
 */

/** Who and which departments a note names, resolved against the org as it is now. */
export async function noteMentions(trx: Trx, orgId: string, text: string): Promise<Mentions> {
  const members = await listMembers(trx, orgId);
  const departments = await listDepartments(trx, orgId);
  const { memberIds, departmentIds } = parseMentions(text, members, departments);
  return { memberIds, departmentIds };
}

export interface NoteWrite {
  text: string;
  mentions: Mentions;
  /** Departments this note asks (a consult opens for each). */
  ask: readonly string[];
  /** The open consult this note answers. */
  answers: { consultId: string; departmentId: string; askedBy: string | null } | null;
}

/** Writes one note (and the consults it opens or answers) and returns the thread after it. */
export async function recordNote(
  { trx, now, emit }: WriteContext,
  caller: Caller,
  thread: Selectable<ThreadTable>,
  note: NoteWrite,
): Promise<ThreadView> {
  const { orgId } = caller;
  const postKey = thread.post_key;
  const asked = note.ask.map((departmentId) => ({ id: newId(), departmentId }));
  for (const a of asked)
    await trx
      .insertInto('consults')
      .values({
        id: a.id,
        org_id: orgId,
        post_key: postKey,
        department_id: a.departmentId,
        owner_department_id: thread.department_id,
        status: 'open',
        opened_by: caller.id,
        opened_at: now,
        closed_by: null,
        closed_at: null,
        question_note_id: null,
        answer_note_id: null,
      })
      .execute();
  if (note.answers)
    await trx
      .updateTable('consults')
      .set({ status: 'answered', closed_by: caller.id, closed_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', note.answers.consultId)
      .execute();
  await refreshThread(trx, orgId, thread, 1);
  // Who may read it, stored with it: the stream shows its text to them only (event-visibility).
  const audience = await threadAudience(trx, orgId, thread);
  const view = (await loadView(trx, orgId, postKey, now))!;
  const base = { postKey, thread: view.thread, claim: view.claim };
  const kind: NoteKind = note.answers ? 'answer' : asked.length ? 'question' : 'note';
  const consultIds = note.answers ? [note.answers.consultId] : asked.map((a) => a.id);
  const noteId = await emit({
    ...base,
    type: 'note.added',
    data: {
      text: note.text,
      mentions: note.mentions,
      kind,
      consultIds,
      audience,
      // Whose question an answer answers: they are told of it once (not also as a mention).
      ...(note.answers && { askedBy: note.answers.askedBy }),
    },
  });
  for (const a of asked) {
    await trx
      .updateTable('consults')
      .set({ question_note_id: noteId })
      .where('org_id', '=', orgId)
      .where('id', '=', a.id)
      .execute();
    await emit({
      ...base,
      type: 'consult.opened',
      data: { consultId: a.id, departmentId: a.departmentId, noteId },
    });
  }
  if (note.answers) {
    await trx
      .updateTable('consults')
      .set({ answer_note_id: noteId })
      .where('org_id', '=', orgId)
      .where('id', '=', note.answers.consultId)
      .execute();
    await emit({ ...base, type: 'consult.answered', data: { ...note.answers, noteId } });
  }
  return view;
}
