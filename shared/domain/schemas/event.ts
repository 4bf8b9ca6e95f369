import { z } from 'zod';
import { zId } from './org.ts';
import { zClaim, zThread } from './thread.ts';

export const zEventType = z.enum([
  'post.seen',
  'thread.routed',
  'thread.assigned',
  'thread.answered',
  /** A reply sent from the site's own box: data { text, sentAt, withoutClaim, claimHolderId }. */
  'thread.replied',
  'thread.resolved',
  'thread.reopened',
  'thread.dismissed',
  'claim.acquired',
  'claim.renewed',
  'claim.released',
  'claim.expired',
  'claim.overridden',
  'note.added',
  'consult.opened',
  'consult.answered',
  'consult.withdrawn',
  /** A member's role or departments changed, they were removed, or a token of theirs revoked. */
  'member.changed',
  /** A department was created or changed (guidelines, watch phrases…): data { department }. */
  'department.changed',
]);
export type EventType = z.infer<typeof zEventType>;

/**
 * One row of the append-only log. `thread` and `claim` are snapshots after the change, so a
 * client applies an event without asking again; `data` holds what is particular to the type
 * (previous holder, previous department, note text). Internal text lives only in `note.added`'s
 * `data.text`: a consult's question and answer are notes, and the consult events point at them
 * (`data.noteId`), so one field holds everything some members may not read.
 */
export const zEvent = z.object({
  id: z.number().int(),
  type: zEventType,
  postKey: z.string().nullable(),
  actorId: zId.nullable(),
  at: z.number(),
  thread: zThread.nullable(),
  claim: zClaim.nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type SyncEvent = z.infer<typeof zEvent>;
