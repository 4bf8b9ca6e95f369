import { normaliseText } from './post-key.ts';
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

function safeRegex(source: string): RegExp | null {
  try {
    return new RegExp(source, 'iu');
  } catch {
    return null;
  }
}

/** Every condition a rule sets must hold; a rule with no condition matches nothing. */
export function ruleMatches(rule: RoutingRule, post: RoutablePost): boolean {
  if (!rule.enabled) return false;
  const conditions: boolean[] = [];
  if (rule.platform) conditions.push(rule.platform === post.platform);
  const text = normaliseText(post.text);
  if (rule.keywords.length)
    conditions.push(rule.keywords.some((k) => text.includes(normaliseText(k))));
  if (rule.regex) conditions.push(safeRegex(rule.regex)?.test(post.text) ?? false);
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

export function regexError(source: string): string | null {
  try {
    new RegExp(source, 'iu');
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
