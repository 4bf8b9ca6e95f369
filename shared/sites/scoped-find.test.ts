import { describe, expect, it } from 'vitest';
import { fixtureDocument, projectFixture } from '../../tests/fixtures/fixture-document.ts';
import { outermostMatch } from './dom-readers.ts';
import { facebookAdapter } from './facebook/adapter.ts';
import { linkedinAdapter } from './linkedin/adapter.ts';
import type { SiteAdapter } from './site-adapter.ts';
import { xAdapter } from './x/adapter.ts';

/**
 * The overlay reads only where the page changed (observe.ts): findPosts under an element must
 * find exactly the posts a read of the whole page finds there, and a post's outermost candidate
 * must lead back to it.
 */
const pages: [string, SiteAdapter][] = [
  ['x/home.html', xAdapter],
  ['x/status.html', xAdapter],
  ['linkedin/feed.html', linkedinAdapter],
  ['linkedin/feed-new.html', linkedinAdapter],
  ['linkedin/feed-comments.html', linkedinAdapter],
  ['facebook/feed.html', facebookAdapter],
  ['facebook/group.html', facebookAdapter],
  ['facebook/feed-comments.html', facebookAdapter],
];

describe('findPosts under part of the page', () => {
  for (const [file, adapter] of pages)
    it(`${file}: each element finds the posts a full read finds inside it`, () => {
      const document = fixtureDocument(projectFixture(file));
      const all = adapter.findPosts(document);
      expect(all.length).toBeGreaterThan(0);
      let checked = 0;
      for (const el of document.querySelectorAll('body *')) {
        const inside = all.filter((p) => el === p || el.contains(p));
        // Inside a post, a read starts at its outermost candidate (observe.ts); elsewhere at
        // the element. Either way it finds what the full read found there.
        const scope = outermostMatch(el, adapter.candidates) ?? el;
        const expected = all.filter((p) => scope === p || scope.contains(p));
        expect(adapter.findPosts(scope)).toEqual(expected);
        if (inside.length > 0) checked++;
      }
      expect(checked).toBeGreaterThan(all.length);
      for (const post of all) expect(post.matches(adapter.candidates)).toBe(true);
    });

  it('x: nothing outside the primary column (a post in the DM drawer is not the feed’s)', () => {
    const document = fixtureDocument(projectFixture('x/home.html'));
    const column = document.querySelector('[data-testid="primaryColumn"]')!;
    const aside = document.createElement('aside');
    aside.innerHTML = column.querySelector('article[data-testid="tweet"]')!.outerHTML;
    document.body.append(aside);
    expect(xAdapter.findPosts(aside)).toEqual([]);
    expect(xAdapter.findPosts(document)).toEqual(xAdapter.findPosts(column));
  });
});
