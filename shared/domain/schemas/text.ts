import { z } from 'zod';
import { isWellFormedText } from '../well-formed-text.ts';

/** The one check every string the server takes carries (a test walks every input for it). */
export const wellFormedText = z.refine<string>(isWellFormedText, {
  message: 'must not contain NUL or unpaired surrogate characters',
});

/**
 * The string building block of every input schema: `zString().min(1).max(80)` where one would
 * write `z.string()…`. Every string field of every procedure is built on it, so hostile text is
 * refused with BAD_REQUEST at the door rather than patched field by field.
 */
export function zString() {
  return z.string().check(wellFormedText);
}
