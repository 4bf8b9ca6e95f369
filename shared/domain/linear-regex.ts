import { RE2JS } from 're2js';

/**
 * Regular expressions written by people (watch phrases, routing rules) run on RE2's engine
 * (re2js): matching takes time linear in the text whatever the pattern, so no pattern can stall
 * the server or the extension (DESIGN.md, Security). RE2 syntax is JavaScript's without
 * backreferences and lookaround; a pattern using them is refused with the reason.
 */
export interface LinearRegex {
  readonly source: string;
  test(text: string): boolean;
  /** The first match's text, and the text of the first capturing group when there is one. */
  exec(text: string): { match: string; group: string | undefined; index: number } | null;
}

/** Patterns are short by schema; this bounds what one costs to compile. */
export const MAX_PATTERN_LENGTH = 300;

/**
 * RE2's program size (its instruction count) bounds what a pattern costs per character: ~20 for
 * `refund|return`, 503 for `.{500}x`, which costs milliseconds on every 500-character post.
 */
export const MAX_PROGRAM_SIZE = 500;

/** What needs backtracking, said plainly (RE2's own words are "invalid escape sequence"). */
const unsupported: [RegExp, string][] = [
  [/\\[1-9]|\\k</, 'backreferences (\\1, \\k<name>) are not supported'],
  [/\(\?<?[=!]/, 'lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported'],
];

export class RegexSyntaxError extends Error {}

/** Case-insensitive unless told otherwise. Throws RegexSyntaxError with RE2's reason. */
export function compileLinear(
  source: string,
  options: { caseSensitive?: boolean } = {},
): LinearRegex {
  if (source.length > MAX_PATTERN_LENGTH)
    throw new RegexSyntaxError(`a pattern is at most ${MAX_PATTERN_LENGTH} characters`);
  for (const [pattern, reason] of unsupported)
    if (pattern.test(source)) throw new RegexSyntaxError(`${reason}: patterns run in linear time`);
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, options.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : '';
    throw new RegexSyntaxError(reason || 'not a valid pattern');
  }
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE)
    throw new RegexSyntaxError(
      `too complex to run on every post (${size} steps, at most ${MAX_PROGRAM_SIZE}): use shorter repeats`,
    );
  return {
    source,
    test: (text) => re.test(text),
    exec(text) {
      const m = re.exec(text) as (string[] & { index: number }) | null;
      return m ? { match: m[0]!, group: m[1], index: m.index } : null;
    },
  };
}

/** Why `source` is not a usable pattern, or null when it is. */
export function linearRegexError(source: string): string | null {
  try {
    compileLinear(source);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** A pattern matching `text` literally (for words and phrases typed as plain text). */
export const quoteLiteral = (text: string) => RE2JS.quote(text);
