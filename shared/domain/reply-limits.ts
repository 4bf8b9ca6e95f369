import { toWellFormedText } from './well-formed-text.ts';

/**
 * Bounds of a reply recorded from a site's reply box. Their own module, free of zod, so the
 * content script (whose size is budgeted) clips what it sends without carrying the schemas.
 */

/** The reply text kept in the log: its first 2,000 characters (DESIGN.md, Domain: Reply). */
export const MAX_REPLY_TEXT = 2000;

/** How far back an offline outbox may date a reply it sends late (the lease is 90 s). */
export const MAX_REPLY_AGE_MS = 24 * 3_600_000;

/** A draft longer than this is checked for watch phrases on its start (X allows 25,000). */
export const MAX_DRAFT_CHECKED = 25_000;

/**
 * A reply's first characters, whole (never half of a surrogate pair at the cut) and well-formed:
 * the site's box is the page's, and the server refuses NUL and lone surrogates.
 */
export function clipReply(text: string, max = MAX_REPLY_TEXT): string {
  const trimmed = toWellFormedText(text).trim();
  if (trimmed.length <= max) return trimmed;
  const cut = /[\uD800-\uDBFF]/.test(trimmed[max - 1]!) ? max - 1 : max;
  return trimmed.slice(0, cut);
}
