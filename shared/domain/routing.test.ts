import { describe, expect, it } from 'vitest';
import { buyingStage, matchRule, ruleMatches } from './routing.ts';
import { linearRegexError } from './linear-regex.ts';
import { zRoutingRule } from './schemas/index.ts';
import type { RoutingRule } from './schemas/index.ts';

const rule = (fields: Partial<RoutingRule> & { position: number }): RoutingRule =>
  zRoutingRule.parse({
    id: `r${fields.position}`,
    name: 'r',
    departmentId: 'd-support',
    ...fields,
  });
const post = (
  text: string,
  extra: Partial<{ platform: 'x' | 'linkedin'; authorHandle: string }> = {},
) => ({
  platform: 'x' as const,
  authorHandle: 'someone',
  text,
  ...extra,
});

describe('routing rules', () => {
  it('matches keywords regardless of case, spacing and invisible characters', () => {
    const r = rule({ position: 0, keywords: ['not working'] });
    expect(ruleMatches(r, post('My app is NOT\u200B   working since Monday'))).toBe(true);
    expect(ruleMatches(r, post('My app is NOT   working since Monday'))).toBe(true);
    expect(ruleMatches(r, post('works fine'))).toBe(false);
  });

  it('requires every condition a rule sets', () => {
    const r = rule({ position: 0, platform: 'linkedin', authors: ['@Acme'], keywords: ['hiring'] });
    expect(
      ruleMatches(r, post('we are hiring', { platform: 'linkedin', authorHandle: 'acme' })),
    ).toBe(true);
    expect(ruleMatches(r, post('we are hiring', { platform: 'x', authorHandle: 'acme' }))).toBe(
      false,
    );
    expect(
      ruleMatches(r, post('we are hiring', { platform: 'linkedin', authorHandle: 'other' })),
    ).toBe(false);
  });

  it('never matches with no condition, when disabled, or with an invalid regex', () => {
    expect(ruleMatches(rule({ position: 0 }), post('anything'))).toBe(false);
    expect(ruleMatches(rule({ position: 0, keywords: ['a'], enabled: false }), post('a'))).toBe(
      false,
    );
    expect(ruleMatches(rule({ position: 0, regex: '(' }), post('('))).toBe(false);
    // RE2: linear time whatever the pattern (a backtracking engine would run for minutes).
    const hostile = rule({ position: 0, regex: '^(a+)+$' });
    expect(ruleMatches(hostile, post('a'.repeat(499) + '!'))).toBe(false);
    expect(ruleMatches(hostile, post('a'.repeat(499)))).toBe(true);
    expect(linearRegexError('(')).toMatch(/unterminated|missing/i);
    expect(linearRegexError('refund|return')).toBeNull();
  });

  it('takes the first matching rule by position', () => {
    const rules = [
      rule({ position: 2, keywords: ['price'], departmentId: 'd-marketing' }),
      rule({ position: 1, stage: 'pre-purchase', departmentId: 'd-sales' }),
    ];
    expect(matchRule(rules, post('What is the price of the pro plan?'))?.departmentId).toBe(
      'd-sales',
    );
    expect(matchRule(rules, post('lovely weather'))).toBeNull();
  });

  it('reads the buying-cycle stage, complaints first', () => {
    expect(buyingStage('Any discount if I upgrade?')).toBe('purchase');
    expect(buyingStage('Would you recommend it over X?')).toBe('pre-purchase');
    expect(buyingStage('I want a refund, the price was too high')).toBe('post-purchase');
    expect(buyingStage('nice photo')).toBeNull();
  });
});
