import { z } from 'zod';
import { zString } from './text.ts';

export const zId = zString().min(1).max(64);

export const zRole = z.enum(['member', 'lead', 'admin']);
export type Role = z.infer<typeof zRole>;

export const zGuidelines = z.object({
  dos: z.array(zString().max(300)).max(30).default([]),
  donts: z.array(zString().max(300)).max(30).default([]),
  tone: zString().max(1000).default(''),
});
export type Guidelines = z.infer<typeof zGuidelines>;

/**
 * A word, phrase or pattern a department wants flagged in a reply being typed, with the reason
 * shown beside the draft ("Legal: never guarantee outcomes"). A word or phrase matches whole
 * words, any case; a pattern is RE2 syntax (linear-regex.ts), checked by the server when saved.
 */
export const zWatchPhrase = z.object({
  kind: z.enum(['word', 'regex']),
  pattern: zString().trim().min(1).max(200),
  reason: zString().trim().min(1).max(200),
});
export type WatchPhrase = z.infer<typeof zWatchPhrase>;
export const zWatchPhrases = z.array(zWatchPhrase).max(50);

export const zColor = zString().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

export const zDepartment = z.object({
  id: zId,
  name: z.string().min(1).max(80),
  color: zColor,
  slaMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30),
  guidelines: zGuidelines,
  /** Absent in departments cached by an older version: none. */
  watchPhrases: zWatchPhrases.optional(),
});
export type Department = z.infer<typeof zDepartment>;

export const zMember = z.object({
  id: zId,
  name: z.string().min(1).max(120),
  handle: z.string().min(1).max(80),
  role: zRole,
  departmentIds: z.array(zId),
});
export type Member = z.infer<typeof zMember>;

export const zOrg = z.object({ id: zId, name: z.string().min(1).max(120) });
export type Org = z.infer<typeof zOrg>;
