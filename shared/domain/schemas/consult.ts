import { z } from 'zod';
import { zNoteInput, zThreadInput } from './api.ts';
import { zEventType } from './event.ts';
import { zId } from './org.ts';
import { zPostKey } from './post.ts';
import { zThreadView } from './thread.ts';

/**
 * Internal notes and consults (DESIGN.md, Domain: Note). A note is text on a thread that is never
 * posted to the site; a consult asks another department while the owner keeps the thread:
 * open -> answered | withdrawn. A consult's question and its answer are notes too.
 */

export const zConsultOpenInput = zNoteInput.extend({ departmentId: zId });
export const zConsultAnswerInput = zNoteInput.extend({ consultId: zId });
export const zConsultWithdrawInput = zThreadInput.extend({ consultId: zId });
export const zStoryInput = z.object({ postKey: zPostKey });

export const zConsultStatus = z.enum(['open', 'answered', 'withdrawn']);
export type ConsultStatus = z.infer<typeof zConsultStatus>;

export const zConsult = z.object({
  id: zId,
  postKey: zPostKey,
  /** The department asked. */
  departmentId: zId,
  status: zConsultStatus,
  openedBy: zId.nullable(),
  openedAt: z.number(),
  /** Answered or withdrawn: who, and when. */
  closedBy: zId.nullable(),
  closedAt: z.number().nullable(),
  /** The notes (event ids) that asked and answered it. */
  questionNoteId: z.number().int().nullable(),
  answerNoteId: z.number().int().nullable(),
});
export type Consult = z.infer<typeof zConsult>;

export const zMentions = z.object({
  memberIds: z.array(zId),
  departmentIds: z.array(zId),
});
export type Mentions = z.infer<typeof zMentions>;

export const zNoteKind = z.enum(['note', 'question', 'answer']);
export type NoteKind = z.infer<typeof zNoteKind>;

export const zNote = z.object({
  /** The id of its `note.added` event: notes live in the log. */
  id: z.number().int(),
  authorId: zId.nullable(),
  at: z.number(),
  text: z.string(),
  mentions: zMentions,
  kind: zNoteKind,
  /** The consults this note asked (a question may ask several departments) or answered. */
  consultIds: z.array(zId),
});
export type Note = z.infer<typeof zNote>;

/** One step of the thread's story, from one event; fields say who and what it concerned. */
export const zStoryStep = z.object({
  eventId: z.number().int(),
  type: zEventType,
  at: z.number(),
  /** null: Switchboard itself (a routing rule, an expired lease). */
  actorId: zId.nullable(),
  /** Routed to, or the department a consult asked. */
  departmentId: zId.nullable(),
  /** Assigned to, the claim's new holder, or the holder whose claim expired. */
  memberId: zId.nullable(),
  /** The claim's holder before an override. */
  previousMemberId: zId.nullable(),
  /** Routed automatically by a rule. */
  automatic: z.boolean(),
  /** A reply sent on the site (thread.replied): its text, and whether the sender held the claim. */
  reply: z.object({ text: z.string(), withoutClaim: z.boolean() }).optional(),
});
export type StoryStep = z.infer<typeof zStoryStep>;

/**
 * threads.story: everything the thread panel shows, read when it opens. A member who may not
 * read the thread's internal text gets the timeline without the notes (`canReadNotes` false).
 */
export const zThreadStory = z.object({
  view: zThreadView,
  now: z.number(),
  canReadNotes: z.boolean(),
  notes: z.array(zNote),
  consults: z.array(zConsult),
  timeline: z.array(zStoryStep),
  /** Names of every member the story mentions, removed members included. */
  memberNames: z.record(z.string(), z.string()),
});
export type ThreadStory = z.infer<typeof zThreadStory>;
