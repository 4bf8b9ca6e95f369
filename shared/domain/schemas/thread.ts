import { z } from 'zod';
import { zId } from './org.ts';
import { zPlatform, zPostKey } from './post.ts';

export const zThreadStatus = z.enum(['open', 'answered', 'resolved', 'dismissed']);
export type ThreadStatus = z.infer<typeof zThreadStatus>;

/**
 * An open consult as every badge shows it ("Waiting on Legal · 12m"): kept on the thread itself,
 * so a badge needs no second read and every event's thread snapshot carries it.
 */
export const zWaitingOn = z.object({
  consultId: zId,
  /** The department asked. */
  departmentId: zId,
  /** When it was asked (epoch ms, database clock). */
  since: z.number(),
  askedBy: zId.nullable(),
});
export type WaitingOn = z.infer<typeof zWaitingOn>;

/** Times are epoch milliseconds from the server's database clock. */
export const zThread = z.object({
  postKey: zPostKey,
  platform: zPlatform,
  url: z.string(),
  authorHandle: z.string(),
  authorName: z.string(),
  text: z.string(),
  postedAt: z.number().nullable(),
  departmentId: zId.nullable(),
  suggestedDepartmentId: zId.nullable(),
  assigneeId: zId.nullable(),
  status: zThreadStatus,
  version: z.number().int(),
  firstSeenAt: z.number(),
  firstSeenBy: zId.nullable(),
  answeredAt: z.number().nullable(),
  answeredBy: zId.nullable(),
  dueAt: z.number().nullable(),
  /** Internal notes on the thread (questions and answers to consults included). */
  noteCount: z.number().int().nonnegative(),
  /** Open consults, oldest first; empty when the thread waits on nobody. */
  waitingOn: z.array(zWaitingOn),
  /**
   * A reply was recorded from someone who did not hold the claim (they typed past the bar):
   * flagged for leads. Absent from threads cached by an older version: not flagged.
   */
  answeredWithoutClaim: z.boolean().optional(),
});
export type Thread = z.infer<typeof zThread>;

export const zClaim = z.object({
  postKey: zPostKey,
  holderId: zId,
  holderName: z.string(),
  token: z.number().int(),
  expiresAt: z.number(),
});
export type Claim = z.infer<typeof zClaim>;

export const zThreadView = z.object({ thread: zThread, claim: zClaim.nullable() });
export type ThreadView = z.infer<typeof zThreadView>;
