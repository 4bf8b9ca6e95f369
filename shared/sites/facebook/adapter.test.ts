import { describe, expect, it } from 'vitest';
import { facebookAdapter } from './adapter.ts';
import { parsePermalink } from './permalink.ts';
import { fixtureDocument, projectFixture } from '../../../tests/fixtures/fixture-document.ts';

const feed = () => fixtureDocument(projectFixture('facebook/feed.html'));
const group = () => fixtureDocument(projectFixture('facebook/group.html'));
const read = (doc: Document) =>
  facebookAdapter.findPosts(doc).map((el) => facebookAdapter.readPost(el));

describe('Facebook adapter', () => {
  it('finds feed posts once, skipping the sponsored one', () => {
    const keys = read(feed()).map((p) => p?.key);
    expect(keys).toEqual([
      'facebook:pfbid02xYz7Q9kLmNoPqRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZ1l',
      'facebook:122145678901234567',
      expect.stringMatching(/^facebook:h:/),
      'facebook:785512345678901',
      'facebook:1234567890123456',
      'facebook:10161234567890123',
    ]);
  });

  it('strips tracking parameters from permalinks', () => {
    const posts = read(feed());
    expect(posts[0]?.url).toBe(
      'https://www.facebook.com/acmeoutdoor/posts/pfbid02xYz7Q9kLmNoPqRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZ1l',
    );
    expect(posts[1]?.url).toBe(
      'https://www.facebook.com/permalink.php?story_fbid=122145678901234567&id=100089912345678',
    );
    expect(posts.every((p) => !p?.url.includes('__cft__') && !p?.url.includes('__tn__'))).toBe(
      true,
    );
  });

  it('never takes a comment’s link for the post’s id', () => {
    const post = read(feed())[3];
    expect(post).toMatchObject({
      key: 'facebook:785512345678901',
      author: { handle: 'acmeoutdoor', name: 'Acme Outdoor Gear' },
    });
    expect(post?.text).toMatch(/^We have extended our returns window/);
  });

  it('falls back to a stable content hash when the time link is a placeholder', () => {
    const a = read(feed())[2];
    const doc = feed();
    doc.querySelectorAll('[id]').forEach((e) => e.setAttribute('id', ':r9z:'));
    doc.querySelectorAll('[class]').forEach((e) => e.setAttribute('class', 'x1y2z3'));
    expect(read(doc)[2]).toEqual(a);
    expect(a?.author.handle).toBe('carlos.mendes.77');
  });

  it('reads group posts', () => {
    const keys = read(group()).map((p) => p?.key);
    expect(keys.slice(0, 2)).toEqual(['facebook:2233445566778899', 'facebook:2233445566770000']);
    expect(keys[2]).toMatch(/^facebook:h:/);
  });

  it('mounts on the like/comment bar', () => {
    const el = facebookAdapter.findPosts(feed())[0]!;
    const bar = facebookAdapter.mountPoint(el);
    expect(bar.querySelector('[data-ad-rendering-role="like_button"]')).not.toBeNull();
    expect(bar.querySelector('[data-ad-rendering-role="comment_button"]')).not.toBeNull();
  });

  it('parses the permalink shapes Facebook uses', () => {
    expect(parsePermalink('/groups/123/posts/456789/?__cft__[0]=x')?.id).toBe('456789');
    expect(parsePermalink('https://www.facebook.com/reel/998877665544')?.id).toBe('998877665544');
    expect(parsePermalink('/story.php?story_fbid=55555&id=7&__tn__=R')?.url).toBe(
      'https://www.facebook.com/permalink.php?story_fbid=55555&id=7',
    );
    expect(parsePermalink('#')).toBeNull();
    expect(parsePermalink('https://evil.example/posts/123456')).toBeNull();
  });
});
