import type { SyncEvent } from '../domain/schemas/event.ts';
import type { Member } from '../domain/schemas/org.ts';
import type { Alert } from '../messaging/protocol.ts';

/** What a consult alert names: departments, members, and the note a consult event points at. */
export interface ConsultAlertNames {
  department(id: string): string;
  member(id: string | null): string;
  /** The text of a note seen earlier on the stream (a consult's question or answer). */
  noteText(noteId: number): string | undefined;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Who is told of an answer: whoever asked, the thread's assignee, its claim's holder. */
function ownsAnswer(e: SyncEvent, me: Member): boolean {
  return [str(e.data.askedBy), e.thread?.assigneeId, e.claim?.holderId].includes(me.id);
}

function quote(text: string | undefined | null): string | null {
  if (!text) return null;
  return `“${text.length > 140 ? `${text.slice(0, 139)}…` : text}”`;
}

/**
 * Alerts of notes and consults: members of the department asked are told of the question, the
 * thread's owner (whoever asked, the assignee, the holder) of the answer, and a member named
 * with @ of the note. A member asked by the same note is told once, of the question.
 */
export function alertForNoteEvent(
  e: SyncEvent,
  me: Member,
  names: ConsultAlertNames,
): Alert | null {
  const t = e.thread;
  if (!t || !e.postKey || e.actorId === me.id) return null;
  const d = e.data;
  const who = names.member(e.actorId);
  const snippet = `${t.authorName || t.authorHandle}: ${t.text.slice(0, 90)}`;
  const noteText = typeof d.noteId === 'number' ? names.noteText(d.noteId) : undefined;
  const base = { id: `event:${e.id}`, postKey: e.postKey, url: t.url, action: 'notes' as const };
  const departmentId = str(d.departmentId);
  switch (e.type) {
    case 'consult.opened':
      if (!departmentId || !me.departmentIds.includes(departmentId)) return null;
      return {
        ...base,
        kind: 'consulted',
        title: `${who} asks ${names.department(departmentId)}`,
        body: quote(noteText) ?? snippet,
        departmentId,
      };
    case 'consult.answered': {
      if (!ownsAnswer(e, me) || !departmentId) return null;
      return {
        ...base,
        kind: 'consultAnswered',
        title: `${names.department(departmentId)} answered (${who})`,
        body: quote(noteText) ?? snippet,
        departmentId: t.departmentId,
      };
    }
    case 'note.added': {
      const mentions = d.mentions as { memberIds?: unknown; departmentIds?: unknown } | undefined;
      const named = Array.isArray(mentions?.memberIds) && mentions.memberIds.includes(me.id);
      const askedMe =
        d.kind === 'question' &&
        Array.isArray(mentions?.departmentIds) &&
        mentions.departmentIds.some((id) => me.departmentIds.includes(id as string));
      const answeredMe = d.kind === 'answer' && ownsAnswer(e, me);
      if (!named || askedMe || answeredMe) return null;
      return {
        ...base,
        kind: 'mentioned',
        title: `${who} mentioned you`,
        body: quote(str(d.text)) ?? snippet,
        departmentId: t.departmentId,
      };
    }
    default:
      return null;
  }
}
