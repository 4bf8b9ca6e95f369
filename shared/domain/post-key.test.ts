import { describe, expect, it } from 'vitest';
import { clipText, contentHashId, normaliseText, postKey } from './post-key.ts';

describe('post keys', () => {
  it('joins platform and native id', () => {
    expect(postKey('x', '1790000000000000000')).toBe('x:1790000000000000000');
  });

  it('hashes the same post the same way however it was rendered', () => {
    const a = contentHashId('Ana.Lima', 'Hello  world,\n is this\u200B on?');
    const b = contentHashId(' ana.lima ', 'hello world, is this on?');
    expect(a).toBe(b);
    expect(a).toMatch(/^h:[0-9a-z]+$/);
    expect(contentHashId('ana.lima', 'hello world, is this off?')).not.toBe(a);
    expect(contentHashId('other', 'hello world, is this on?')).not.toBe(a);
  });

  it('normalises text and clips stored text to 500 characters', () => {
    expect(normaliseText('  Ｆｕｌｌ\twidth ')).toBe('full width');
    expect(clipText('a '.repeat(400))).toHaveLength(500);
  });

  it('clips without cutting an emoji in half and sends only well-formed text', () => {
    const clipped = clipText('a'.repeat(499) + '😀 more');
    expect(clipped).toBe('a'.repeat(499));
    expect(clipText('x\u0000y \uD800 z')).toBe('xy \uFFFD z');
    expect(clipText('a'.repeat(300), 200)).toHaveLength(200);
  });
});
