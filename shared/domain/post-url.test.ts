import { describe, expect, it } from 'vitest';
import { isPostAddress, postUrlRefusal } from './post-url.ts';

describe('post addresses', () => {
  it('takes https: addresses on the post’s own site and its subdomains', () => {
    expect(postUrlRefusal('x', 'https://x.com/ana/status/1')).toBeNull();
    expect(postUrlRefusal('x', 'https://mobile.twitter.com/ana/status/1')).toBeNull();
    expect(
      postUrlRefusal('linkedin', 'https://www.linkedin.com/feed/update/urn:li:activity:1/'),
    ).toBeNull();
    expect(
      postUrlRefusal('facebook', 'https://web.facebook.com/permalink.php?story_fbid=1'),
    ).toBeNull();
  });

  it('refuses scripts, plain http, credentials, look-alike hosts and another site', () => {
    expect(postUrlRefusal('x', 'javascript:alert(1)')).toMatch(/https:/);
    expect(postUrlRefusal('x', 'http://x.com/a')).toMatch(/https:/);
    expect(postUrlRefusal('x', 'https://a:b@x.com/a')).toMatch(/credentials/);
    expect(postUrlRefusal('x', 'https://notx.com/a')).toMatch(/x\.com or twitter\.com/);
    expect(postUrlRefusal('x', 'https://x.com.evil.example/a')).not.toBeNull();
    expect(postUrlRefusal('linkedin', 'https://x.com/a')).not.toBeNull();
    expect(postUrlRefusal('facebook', 'not a url')).toBe('not a URL');
  });

  it('lets the extension open only a post’s address, whatever a stored row holds', () => {
    expect(isPostAddress('https://www.facebook.com/a/posts/1')).toBe(true);
    expect(isPostAddress('javascript:alert(1)')).toBe(false);
    expect(isPostAddress('data:text/html,hi')).toBe(false);
  });
});
