import { canReadNotes } from './role-rules.ts';
import type { Actor, ThreadAudience } from './role-rules.ts';
import type { SyncEvent } from './schemas/event.ts';

/**
 * What of an event a member may see (DESIGN.md, Security). The log holds internal text in one
 * field only, `note.added`'s `data.text` (a consult's question and answer are notes too), so that
 * field is what a member who may not read the thread's notes does not get: the event still comes
 * (the badge's note count, a mention of them), marked `redacted: ['text']`.
 */

/** Who may read a note: the thread's audience when it was written (stored with it since issue 10). */
export function noteAudience(event: SyncEvent): ThreadAudience {
  const stored = event.data.audience as Partial<ThreadAudience> | undefined;
  if (stored && Array.isArray(stored.consultedDepartmentIds))
    return {
      departmentId: typeof stored.departmentId === 'string' ? stored.departmentId : null,
      consultedDepartmentIds: stored.consultedDepartmentIds.filter((d) => typeof d === 'string'),
    };
  // Notes written before: the thread's department and who it was waiting on then.
  return {
    departmentId: event.thread?.departmentId ?? null,
    consultedDepartmentIds: (event.thread?.waitingOn ?? []).map((w) => w.departmentId),
  };
}

/** Whether `actor` sees all of `event`; false: it is shown to them without its internal text. */
export function seesWholeEvent(actor: Actor, event: SyncEvent): boolean {
  return event.type !== 'note.added' || canReadNotes(actor, noteAudience(event));
}

/** The event without what only the note's readers see. */
export function redactedEvent(event: SyncEvent): SyncEvent {
  const { text: _text, ...data } = event.data;
  return { ...event, data: { ...data, redacted: ['text'] } };
}

/** `event` as `actor` may see it. */
export function eventFor(actor: Actor, event: SyncEvent): SyncEvent {
  return seesWholeEvent(actor, event) ? event : redactedEvent(event);
}
