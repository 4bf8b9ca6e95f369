import { describe, expect, it } from 'vitest';
import { isWellFormedText, toWellFormedText } from './well-formed-text.ts';
import { zString } from './schemas/text.ts';

describe('well-formed text', () => {
  it('tells NUL and unpaired surrogates from real characters', () => {
    expect(isWellFormedText('émoji 😀 中文')).toBe(true);
    expect(isWellFormedText('a\u0000')).toBe(false);
    expect(isWellFormedText('\uD83D')).toBe(false); // a high half alone
    expect(isWellFormedText('\uDE00x')).toBe(false); // a low half alone
    expect(isWellFormedText('\uDE00\uD83D')).toBe(false); // both, in the wrong order
  });

  it('repairs page text: NUL dropped, a lone half replaced', () => {
    expect(toWellFormedText('a\u0000b\uD83Dc😀')).toBe('ab\uFFFDc😀');
  });

  it('is the check of zString, the schemas’ string building block', () => {
    const name = zString().min(1).max(5);
    expect(name.safeParse('ok').success).toBe(true);
    const refused = name.safeParse('a\u0000');
    expect(refused.error?.issues[0]?.message).toBe(
      'must not contain NUL or unpaired surrogate characters',
    );
  });
});
