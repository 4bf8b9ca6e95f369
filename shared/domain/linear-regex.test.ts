import { describe, expect, it } from 'vitest';
import { compileLinear, linearRegexError, RegexSyntaxError } from './linear-regex.ts';

describe('linear-time regular expressions (re2js)', () => {
  it('matches case-insensitively by default, and says where', () => {
    const re = compileLinear('refund(s)?');
    expect(re.test('Any REFUNDS yet?')).toBe(true);
    expect(re.exec('Any REFUNDS yet?')).toEqual({ match: 'REFUNDS', group: 'S', index: 4 });
    expect(compileLinear('refund', { caseSensitive: true }).test('REFUND')).toBe(false);
  });

  it('runs a catastrophic-backtracking pattern through a long text in one pass', () => {
    // JavaScript's RegExp takes longer than the universe's age on this; RE2 reads the text once.
    const re = compileLinear('(a+)+$');
    expect(re.test(`${'a'.repeat(50_000)}b`)).toBe(false);
    expect(compileLinear('(x+x+)+y').test('x'.repeat(20_000))).toBe(false);
  });

  it('refuses what RE2 cannot run in linear time, with the reason', () => {
    expect(linearRegexError('(a)\\1')).toBe(
      'backreferences (\\1, \\k<name>) are not supported: patterns run in linear time',
    );
    expect(linearRegexError('(?<=a)b')).toMatch(/^lookahead and lookbehind .* not supported/);
    expect(linearRegexError('price(?= now)')).toMatch(/lookahead and lookbehind/);
    expect(linearRegexError('.{500}x')).toBe(
      'too complex to run on every post (503 steps, at most 500): use shorter repeats',
    );
    expect(linearRegexError('a{1001}')).toMatch(/invalid repeat count/);
    expect(linearRegexError('x'.repeat(301))).toMatch(/at most 300/);
    expect(() => compileLinear('(')).toThrow(RegexSyntaxError);
    expect(linearRegexError('guarantee(d|s)?')).toBeNull();
  });
});
