import { z } from 'zod';
import { zDepartment, zId, zMember } from '../domain/schemas/org.ts';
import { zPostKey, zPostRef } from '../domain/schemas/post.ts';
import { zThreadView } from '../domain/schemas/thread.ts';
import { MAX_OBSERVED_POSTS, zNoteInput, zPostKeysInput } from '../domain/schemas/api.ts';
import { zThreadStory } from '../domain/schemas/consult.ts';
import { MAX_DRAFT_CHECKED } from '../domain/reply-limits.ts';

/**
 * Every message between a tab, the extension pages and the background, as zod schemas. The
 * background checks what tabs and pages send it (`parseContentMessage`, `parseExtensionRequest`)
 * and pages check the background's answers; a tab trusts its own background, so the content
 * script stays free of zod (its size is budgeted).
 */
export const zConnectionState = z.enum(['signed-out', 'connecting', 'online', 'offline']);

export const zSessionInfo = z.object({
  connection: zConnectionState,
  me: zMember.nullable(),
  departments: z.array(zDepartment),
  members: z.array(zMember),
  serverUrl: z.string().optional(),
  orgName: z.string().optional(),
  /** The member's choice: the first keystroke in a free post's reply box claims it (default on). */
  claimOnType: z.boolean().optional(),
  /** Why the last connection attempt failed, in words for the user. */
  error: z.string().optional(),
  /** Actions waiting in the outbox for the server. */
  pendingActions: z.number().int().nonnegative().optional(),
});

export const zActionKind = z.enum([
  'claim',
  'release',
  'markAnswered',
  'assign',
  'dismiss',
  'resolve',
  'reopen',
  'override',
  // Internal notes and consults (text and consultId below).
  'addNote',
  'consult',
  'answerConsult',
  'withdrawConsult',
  // A reply sent from the site's own reply box (text, sentAt): recorded, never sent by us.
  'reply',
]);

export const zOverlayAction = z.object({
  kind: zActionKind,
  postKey: zPostKey,
  /** assign: the department to route to (null clears). */
  departmentId: zId.nullable().optional(),
  /** assign: the person to assign (null clears). */
  assigneeId: zId.nullable().optional(),
  /** override: the member who takes the claim over; absent drops it. */
  toMemberId: zId.optional(),
  /** addNote, consult, answerConsult: the note's text (never posted to the site). */
  text: zNoteInput.shape.text.optional(),
  /** consult: the department asked is `departmentId`; answer/withdraw: which consult. */
  consultId: zId.optional(),
  /** reply: when it was sent (epoch ms, this browser's clock; only its age reaches the server). */
  sentAt: z.number().int().nonnegative().optional(),
});

/** A view as the overlay shows it: `pending` while a queued action has not been confirmed. */
export const zOverlayView = zThreadView.extend({ pending: z.boolean().optional() });

const zRequestId = z.string().min(1).max(100);

/**
 * The posts a tab reads. One the server would refuse (a hostile page's address, a changed
 * page's odd field) is left out, not the tab's whole batch with it.
 */
const zTabPosts = z
  .array(z.unknown())
  .max(MAX_OBSERVED_POSTS)
  .transform((posts) =>
    posts.flatMap((p) => {
      const checked = zPostRef.safeParse(p);
      return checked.success ? [checked.data] : [];
    }),
  );

export const zWatchHit = z.object({
  departmentId: zId,
  pattern: z.string(),
  reason: z.string(),
  match: z.string(),
});

export const zContentToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('observe'), posts: zTabPosts }),
  z.object({ type: z.literal('unobserve'), postKeys: zPostKeysInput.shape.postKeys }),
  z.object({ type: z.literal('action'), requestId: zRequestId, action: zOverlayAction }),
  /** The thread panel opened: its notes, consults and timeline, read from the server. */
  z.object({ type: z.literal('story'), requestId: zRequestId, postKey: zPostKey }),
  /** A reply being typed in the site's box: which watch phrases it contains (never stored). */
  z.object({
    type: z.literal('draft'),
    requestId: zRequestId,
    postKey: zPostKey,
    text: z.string().max(MAX_DRAFT_CHECKED),
  }),
]);

export const zAlertKind = z.enum([
  'routed',
  'assigned',
  'claimLost',
  'slaWarning',
  'slaBreached',
  'consulted',
  'consultAnswered',
  'mentioned',
]);

export const zAlert = z.object({
  /** Identifies the alert across tabs and restarts: one toast per id per browser. */
  id: z.string(),
  kind: zAlertKind,
  postKey: zPostKey,
  url: z.string(),
  title: z.string(),
  body: z.string(),
  departmentId: zId.nullable(),
  /** The obvious next step offered on the toast (notes: open the post's thread panel). */
  action: z.enum(['claim', 'open', 'notes']),
});

export const zBackgroundToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session'), session: zSessionInfo }),
  z.object({
    type: z.literal('views'),
    views: z.array(zOverlayView),
    /** Newly seen posts, a message per event: more of the same burst usually follow at once. */
    burst: z.literal(true).optional(),
  }),
  z.object({
    type: z.literal('actionResult'),
    requestId: zRequestId,
    ok: z.boolean(),
    error: z.string().optional(),
    /** Accepted offline: kept in the outbox and applied when the server is back. */
    queued: z.boolean().optional(),
  }),
  /** An alert for this member, shown as a toast in the focused tab. */
  z.object({ type: z.literal('toast'), alert: zAlert }),
  /** The answer to a `story` request: the panel's data, or why there is none. */
  z.object({
    type: z.literal('story'),
    requestId: zRequestId,
    story: zThreadStory.optional(),
    error: z.string().optional(),
  }),
  /** The answer to a `draft`: the watch phrases it contains, with their reasons. */
  z.object({ type: z.literal('watchHits'), requestId: zRequestId, hits: z.array(zWatchHit) }),
  /** The department's guidelines, for the member who just claimed one of its posts. */
  z.object({ type: z.literal('guidelines'), postKey: zPostKey, department: zDepartment }),
  /** Something to tell the user outside an action's own answer (a queued action refused). */
  z.object({
    type: z.literal('notice'),
    level: z.enum(['info', 'error']),
    message: z.string(),
    postKey: zPostKey.optional(),
  }),
]);

/** tRPC paths are `router.procedure`; anything else is refused before it reaches the client. */
export const zRpcPath = z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, 'not a procedure path');

/** One-off requests from extension pages (options, popup, dashboard) to the background. */
export const zExtensionRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('signIn'),
    serverUrl: z.string().min(1).max(2000),
    token: z.string().max(200),
  }),
  z.object({ type: z.literal('signOut') }),
  z.object({ type: z.literal('getSession') }),
  z.object({ type: z.literal('myWork') }),
  /** A tRPC call from an extension page, run by the background (see background-link.ts). */
  z.object({
    type: z.literal('rpc'),
    kind: z.enum(['query', 'mutation']),
    path: zRpcPath,
    input: z.unknown().optional(),
  }),
]);

export const zRpcResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown().optional() }),
  z.object({ ok: z.literal(false), message: z.string(), code: z.string() }),
]);

/** The popup's lists: what I hold or was given, and my departments' open queue by due time. */
export const zMyWork = z.object({
  mine: z.array(zThreadView),
  queue: z.array(zThreadView),
  /** Threads of other departments waiting on one of mine (consults to answer). */
  asked: z.array(zThreadView),
  /** Server clock when online; the cache's age shows otherwise. */
  now: z.number(),
  fromCache: z.boolean(),
});

/** Sent by the background to open extension pages (options, popup) when the session changes. */
export const zSessionChanged = z.object({
  type: z.literal('sessionChanged'),
  session: zSessionInfo,
});

export const zSignInResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), session: zSessionInfo }),
  z.object({
    ok: z.literal(false),
    error: z.string(),
    reason: z.enum(['unreachable', 'refused', 'invalid']),
  }),
]);

/**
 * A message as received: the parsed value, or null (and a warning naming what was wrong). A
 * malformed message is dropped, never half-applied.
 */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown, from: string): T | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0];
  console.warn(
    `Switchboard: dropped a malformed message from ${from}`,
    where ? `${where.path.join('.') || 'message'}: ${where.message}` : '',
  );
  return null;
}
