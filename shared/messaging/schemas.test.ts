import { describe, expect, it } from 'vitest';
import { zContentToBackground } from './schemas.ts';

describe('messages from a tab', () => {
  const post = (nativeId: string, url = `https://x.com/a/status/${nativeId}`) => ({
    key: `x:${nativeId}`,
    platform: 'x',
    nativeId,
    url,
    author: { handle: 'a', name: 'A' },
    text: 'hello',
  });

  it('leaves out a post the server would refuse, keeping the rest of the batch', () => {
    const message = zContentToBackground.parse({
      type: 'observe',
      posts: [post('1'), post('2', 'javascript:alert(1)'), { junk: true }, post('3')],
    });
    expect(message.type === 'observe' && message.posts.map((p) => p.key)).toEqual(['x:1', 'x:3']);
  });
});
