import { normaliseText } from './post-key.ts';
import { compileLinear } from './linear-regex.ts';
import type { LinearRegex } from './linear-regex.ts';
import type { BuyingStage, RoutingRule } from './schemas/rule.ts';
import type { Platform } from './schemas/post.ts';

export interface RoutablePost {
  platform: Platform;
  text: string;
  authorHandle: string;
}

// Words that place a message in the buying cycle; deliberately small and conservative.
const stageWords: Record<BuyingStage, RegExp> = {
  'pre-purchase': /\b(pricing|price|demo|trial|compare|alternative|recommend|considering|quote)\b/,
  purchase: /\b(buy|order|checkout|payment|invoice|subscribe|upgrade|discount|coupon)\b/,
  'post-purchase': /\b(refund|broken|support|help|issue|bug|return|cancel|delivery|not working)\b/,
};

export function buyingStage(text: string): BuyingStage | null {
  const t = normaliseText(text);
  for (const stage of ['post-purchase', 'purchase', 'pre-purchase'] as const) {
    if (stageWords[stage].test(t)) return stage;
  }
  return null;
}

const compiled = new Map<string, LinearRegex | null>();

/**
 * A rule's regex, compiled once per pattern, run in linear time (linear-regex.ts: a lead's
 * `^(a+)+$` cannot stall routing); null for one that cannot run (saved before the check).
 */
function ruleRegex(source: string): LinearRegex | null {
  let regex = compiled.get(source);
  if (regex === undefined) {
    if (compiled.size >= 1_000) compiled.clear();
    try {
      regex = compileLinear(source);
    } catch {
      regex = null;
    }
    compiled.set(source, regex);
  }
  return regex;
}

/** Every condition a rule sets must hold; a rule with no condition matches nothing. */
export function ruleMatches(rule: RoutingRule, post: RoutablePost): boolean {
  if (!rule.enabled) return false;
  const conditions: boolean[] = [];
  if (rule.platform) conditions.push(rule.platform === post.platform);
  const text = normaliseText(post.text);
  if (rule.keywords.length)
    conditions.push(rule.keywords.some((k) => text.includes(normaliseText(k))));
  if (rule.regex) conditions.push(ruleRegex(rule.regex)?.test(post.text) ?? false);
  if (rule.authors.length) {
    const handle = post.authorHandle.replace(/^@/, '').toLowerCase();
    conditions.push(rule.authors.some((a) => a.replace(/^@/, '').toLowerCase() === handle));
  }
  if (rule.stage) conditions.push(buyingStage(post.text) === rule.stage);
  return conditions.length > 0 && conditions.every(Boolean);
}

/** The first matching rule in position order. */
export function matchRule(rules: readonly RoutingRule[], post: RoutablePost): RoutingRule | null {
  const ordered = [...rules].sort((a, b) => a.position - b.position);
  return ordered.find((r) => ruleMatches(r, post)) ?? null;
}
