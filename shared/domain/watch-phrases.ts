import { compileLinear, quoteLiteral } from './linear-regex.ts';
import type { LinearRegex } from './linear-regex.ts';
import type { Department, WatchPhrase } from './schemas/org.ts';

/** A watch phrase found in a draft: what matched, and why the department flags it. */
export interface WatchHit {
  departmentId: string;
  pattern: string;
  reason: string;
  /** The draft's own words that matched (at most 100 characters). */
  match: string;
}

// Whole words in any script: a letter, digit or underscore may not touch the phrase.
const EDGE_BEFORE = '(?:^|[^\\p{L}\\p{N}_])';
const EDGE_AFTER = '(?:$|[^\\p{L}\\p{N}_])';

/** The RE2 pattern a watch phrase is matched with; a word's spaces match any run of spaces. */
export function watchPattern(phrase: Pick<WatchPhrase, 'kind' | 'pattern'>): string {
  if (phrase.kind === 'regex') return phrase.pattern;
  const words = phrase.pattern.trim().split(/\s+/).map(quoteLiteral);
  return `${EDGE_BEFORE}(${words.join('\\s+')})${EDGE_AFTER}`;
}

interface Compiled {
  departmentId: string;
  phrase: WatchPhrase;
  re: LinearRegex;
}

export type WatchMatcher = (draft: string) => WatchHit[];

/**
 * One matcher for the phrases of these departments, compiled once. A phrase that does not
 * compile (saved before a check, or by a newer server) is skipped rather than breaking the rest.
 */
export function watchMatcher(departments: readonly Department[]): WatchMatcher {
  const compiled: Compiled[] = [];
  for (const d of departments)
    for (const phrase of d.watchPhrases ?? []) {
      try {
        compiled.push({ departmentId: d.id, phrase, re: compileLinear(watchPattern(phrase)) });
      } catch {
        // skipped: see above
      }
    }
  return (draft) => {
    const hits: WatchHit[] = [];
    for (const { departmentId, phrase, re } of compiled) {
      const m = re.exec(draft);
      if (!m) continue;
      const match = (phrase.kind === 'word' ? m.group : m.match) ?? m.match;
      hits.push({
        departmentId,
        pattern: phrase.pattern,
        reason: phrase.reason,
        match: match.trim().slice(0, 100),
      });
    }
    return hits;
  };
}
