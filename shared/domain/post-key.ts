import type { Platform } from './schemas/post.ts';
import { toWellFormedText } from './well-formed-text.ts';

export function postKey(platform: Platform, nativeId: string): string {
  return `${platform}:${nativeId}`;
}

/** Whitespace, case and invisible characters differ between renderings of the same post. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Native id for a post whose page exposes none: a hash of author handle and normalised text, so
 * every employee computes the same key on every visit. cyrb53 (53-bit, synchronous): content
 * scripts cannot await SubtleCrypto per post without delaying the paint.
 */
export function contentHashId(authorHandle: string, text: string): string {
  const input = `${authorHandle.trim().toLowerCase()}\n${normaliseText(text).slice(0, 500)}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `h:${hash.toString(36)}`;
}

/**
 * Posts keep only their first 500 characters of text (names: 200); no HTML is ever stored. The
 * text is made well-formed (the server refuses NUL and lone surrogates) and never cut between the
 * two halves of an emoji.
 */
export function clipText(text: string, max = 500): string {
  const t = toWellFormedText(text).replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const last = t.charCodeAt(max - 1);
  return t.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
