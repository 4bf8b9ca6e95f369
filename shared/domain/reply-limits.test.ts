import { describe, expect, it } from 'vitest';
import { clipReply } from './reply-limits.ts';

describe('a reply’s recorded text', () => {
  it('keeps the first 2,000 characters, trimmed, never half an emoji, always well-formed', () => {
    expect(clipReply('  Thanks!\n ')).toBe('Thanks!');
    expect(clipReply('x'.repeat(2500))).toHaveLength(2000);
    const emojiAtCut = `${'x'.repeat(1999)}😀tail`;
    expect(clipReply(emojiAtCut)).toBe('x'.repeat(1999));
    expect(clipReply('a\0b\uD800c')).toBe('ab\uFFFDc');
  });
});
