/**
 * NUL, and a UTF-16 surrogate that is not half of a pair. PostgreSQL refuses NUL in text (its
 * error would reach the caller), and a lone surrogate is not a character at all: it cannot be
 * encoded as UTF-8, so SQLite, PostgreSQL and JSON each store something else than was sent (a key
 * claimed through one call would be another key to the next). Free of zod: the content script's
 * adapters use it too.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ILL_FORMED = new RegExp(`\\0|${LONE_SURROGATE.source}`);

export function isWellFormedText(s: string): boolean {
  return !ILL_FORMED.test(s);
}

/**
 * Page text made well-formed before it is sent: NUL dropped, a lone surrogate turned into U+FFFD.
 * A hostile page controls what the adapters read, and the server refuses ill-formed text.
 */
export function toWellFormedText(s: string): string {
  if (isWellFormedText(s)) return s;
  return s.replace(/\0/g, '').replace(LONE_SURROGATE, '\uFFFD');
}
