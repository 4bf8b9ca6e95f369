import { z } from 'zod';
import { zColor, zGuidelines, zId, zRole, zWatchPhrases } from './org.ts';
import { zPlatform, zPostKey, zPostRef } from './post.ts';
import { zThreadStatus } from './thread.ts';
import { zRuleInput } from './rule.ts';
import { zString } from './text.ts';
import { MAX_REPLY_AGE_MS, MAX_REPLY_TEXT } from '../reply-limits.ts';

/**
 * Inputs of the server's procedures. Every mutation may carry a client-made id: the server
 * applies each id once and answers a replay with the first result (the offline outbox relies on it).
 */
const zMutation = { clientMutationId: zString().min(8).max(100).optional() };

export const MIN_LEASE_MS = 1_000;
export const MAX_LEASE_MS = 10 * 60_000;
export const DEFAULT_LEASE_MS = 90_000;
const zLeaseMs = z.number().int().min(MIN_LEASE_MS).max(MAX_LEASE_MS).optional();

/** The most posts one posts.observe call carries. */
export const MAX_OBSERVED_POSTS = 200;
export const zObserveInput = z.object({
  posts: z.array(zPostRef).min(1).max(MAX_OBSERVED_POSTS),
});
export const zPostKeysInput = z.object({ postKeys: z.array(zPostKey).min(1).max(500) });

export const zAcquireInput = z.object({ postKey: zPostKey, leaseMs: zLeaseMs, ...zMutation });
export const zFencedInput = z.object({
  postKey: zPostKey,
  token: z.number().int().positive(),
  ...zMutation,
});
export const zRenewInput = zFencedInput.extend({ leaseMs: zLeaseMs });
export const zOverrideInput = z.object({
  postKey: zPostKey,
  toMemberId: zId.optional(),
  ...zMutation,
});

export const zAssignInput = z
  .object({
    postKey: zPostKey,
    departmentId: zId.nullable().optional(),
    assigneeId: zId.nullable().optional(),
    ...zMutation,
  })
  .refine((v) => v.departmentId !== undefined || v.assigneeId !== undefined, {
    message: 'give departmentId, assigneeId or both',
  });
export const zThreadInput = z.object({ postKey: zPostKey, ...zMutation });
export const zNoteInput = z.object({
  postKey: zPostKey,
  text: zString().min(1).max(2000),
  ...zMutation,
});

/** An event id: ids are positive safe integers (zod's int() refuses unsafe ones). */
const zEventId = z.number().int().nonnegative();
/**
 * threads.recordReply: a reply the member sent from the site's own reply box. `sentMsAgo` is
 * measured on the sender's clock (when it was sent, minus now), so the server dates the reply on
 * its own clock without trusting the browser's time of day.
 */
export const zReplyInput = z.object({
  postKey: zPostKey,
  text: zString().trim().min(1).max(MAX_REPLY_TEXT),
  sentMsAgo: z.number().int().min(0).max(MAX_REPLY_AGE_MS).default(0),
  ...zMutation,
});

export const zStreamInput = z.object({
  // tRPC's wsLink sends back the last tracked id (a string) when it reconnects.
  lastEventId: z.union([zString().max(15).regex(/^\d+$/), zEventId]).nullish(),
});

export const zQueueInput = z.object({
  departmentId: zId.optional(),
  /** Any of these departments (a member's own queue). */
  departmentIds: z.array(zId).max(50).optional(),
  /** Threads this member holds a live claim on. */
  claimedBy: zId.optional(),
  /** Threads with an open consult to any of these departments (what they are asked). */
  waitingOn: z.array(zId).min(1).max(50).optional(),
  status: z.array(zThreadStatus).max(4).optional(),
  assigneeId: zId.optional(),
  platform: zPlatform.optional(),
  overdue: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** Epoch milliseconds, as far as a Date reaches: a whole number SQL compares as it is. */
const zTime = z.number().int().min(0).max(8.64e15);

export const zMetricsInput = z.object({
  from: zTime.optional(),
  to: zTime.optional(),
  departmentId: zId.optional(),
  /** Any of these departments: a lead's dashboard asks for the departments they lead. */
  departmentIds: z.array(zId).min(1).max(50).optional(),
  /** The caller's offset from UTC (east positive), so daily figures split at local midnight. */
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .optional(),
});

export const zDepartmentInput = z.object({
  name: zString().min(1).max(80),
  color: zColor.optional(),
  slaMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .optional(),
  guidelines: zGuidelines.optional(),
  /** Patterns are checked by the server (RE2 syntax, linear-regex.ts), not here. */
  watchPhrases: zWatchPhrases.optional(),
  ...zMutation,
});
export const zDepartmentUpdate = zDepartmentInput.partial().extend({ id: zId, ...zMutation });

export const zMemberInput = z.object({
  name: zString().min(1).max(120),
  handle: zString().min(1).max(80).optional(),
  role: zRole.default('member'),
  departmentIds: z.array(zId).max(50).default([]),
  ...zMutation,
});
export const zMemberUpdate = z.object({
  id: zId,
  name: zString().min(1).max(120).optional(),
  role: zRole.optional(),
  departmentIds: z.array(zId).max(50).optional(),
  ...zMutation,
});
export const zIdInput = z.object({ id: zId, ...zMutation });

export const zRuleCreate = zRuleInput.extend(zMutation);
export const zRuleUpdate = zRuleInput.partial().extend({ id: zId, ...zMutation });
export const zRuleReorder = z.object({ ids: z.array(zId).min(1).max(500), ...zMutation });
export const zRuleTest = z.object({
  platform: zPlatform.default('x'),
  text: zString().max(2000),
  authorHandle: zString().max(200).default(''),
});

export const zEventsListInput = z.object({
  afterId: zEventId.default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export const zTokensInput = z.object({ memberId: zId.optional() });
export const zIssueTokenInput = z.object({ memberId: zId });
