import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from './adapter.ts';
import { fixtureDocument, projectFixture } from '../../../tests/fixtures/fixture-document.ts';

const legacy = () => fixtureDocument(projectFixture('linkedin/feed.html'));
const newer = () => fixtureDocument(projectFixture('linkedin/feed-new.html'));
const read = (doc: Document) =>
  linkedinAdapter.findPosts(doc).map((el) => linkedinAdapter.readPost(el));

describe('LinkedIn adapter, legacy feed', () => {
  it('finds each update once by URN, without aggregates, promoted posts or placeholders', () => {
    expect(read(legacy()).map((p) => p?.key)).toEqual([
      'linkedin:urn:li:activity:7254612835519012864',
      'linkedin:urn:li:activity:7254598120046518272',
      'linkedin:urn:li:activity:7254577001235456000',
      'linkedin:urn:li:activity:7254288776655443968',
      'linkedin:urn:li:activity:7254200033344455666',
      'linkedin:urn:li:activity:7254155550001112223',
    ]);
  });

  it('reads author, permalink and the time encoded in the activity id', () => {
    expect(read(legacy())[0]).toMatchObject({
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7254612835519012864/',
      author: { handle: 'maria-gonzalez-4b1a2', name: 'Maria Gonzalez' },
      postedAt: '2024-10-22T22:01:24.176Z',
    });
    expect(read(legacy())[4]?.author).toEqual({ handle: 'company/acme-corp', name: 'Acme' });
  });

  it('never takes a "likes this" header or a reshared post for the author or text', () => {
    const posts = read(legacy());
    expect(posts[1]?.author.name).toBe('Priya Raman');
    expect(posts[2]?.author.name).toBe('Dana Whitfield');
    expect(posts[2]?.text).toMatch(/^Upgraded yesterday/);
  });

  it('keys a post by its own URN, not by comments naming other activities', () => {
    const el = linkedinAdapter.findPosts(legacy())[3]!;
    expect(el.querySelector('[aria-label^="Comment by"]')).not.toBeNull();
    expect(linkedinAdapter.readPost(el)?.key).toBe('linkedin:urn:li:activity:7254288776655443968');
  });

  it('mounts on the post’s own social action bar', () => {
    for (const el of linkedinAdapter.findPosts(legacy()))
      expect(
        linkedinAdapter.mountPoint(el).classList.contains('feed-shared-social-action-bar'),
      ).toBe(true);
  });

  it('returns null for a placeholder', () => {
    const ph = legacy().querySelector('[data-id="urn:li:activity:7254300000000000000"]')!;
    expect(linkedinAdapter.readPost(ph)).toBeNull();
  });
});

describe('LinkedIn adapter, newer layout', () => {
  it('keys posts by content hash, or by an activity URN a link names', () => {
    const keys = read(newer()).map((p) => p?.key);
    expect(keys).toHaveLength(5);
    expect(keys[2]).toBe('linkedin:urn:li:activity:7260011122233344455');
    expect(keys.filter((k) => k?.startsWith('linkedin:h:'))).toHaveLength(4);
  });

  it('gives every employee the same hash key, whatever the generated classes', () => {
    const a = read(newer());
    const doc = newer();
    doc.querySelectorAll('[class]').forEach((e) => e.setAttribute('class', '_zz9'));
    expect(read(doc)).toEqual(a);
    expect(a[0]?.author).toEqual({ handle: 'jonreyes', name: 'Jon Reyes' });
  });
});
