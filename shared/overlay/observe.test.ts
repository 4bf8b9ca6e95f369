import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observePosts } from './observe.ts';
import type { PostChange } from './observe.ts';
import type { SiteAdapter } from '../sites/site-adapter.ts';
import { postRef } from '../../tests/fixtures/post-ref.ts';
import { matchesIn } from '../sites/dom-readers.ts';

const POSTS = 40;

function page() {
  const rows = Array.from({ length: POSTS }, (_, i) => `<article data-id="${i}"></article>`);
  const { document, MutationObserver } = parseHTML(`<html><body>${rows.join('')}</body></html>`);
  vi.stubGlobal('MutationObserver', MutationObserver);
  return document;
}
afterEach(() => vi.unstubAllGlobals());

// Each read takes over a millisecond, so a 1 ms budget reads a post or two per slice.
const slowAdapter: SiteAdapter = {
  platform: 'x',
  findPosts: (root) => [...root.querySelectorAll('article')],
  candidates: 'article',
  readPost(el) {
    const until = performance.now() + 1.2;
    while (performance.now() < until);
    return postRef(el.getAttribute('data-id')!);
  },
  mountPoint: (el) => el,
};

describe('observePosts', () => {
  // Issue 15: each hand-over puts hosts in the page, and on a 1,000-post page every such pass
  // re-laid out and re-painted the whole feed in a long task of its own.
  it('reads a large page in slices and hands over all its posts at once', async () => {
    const calls: PostChange[][] = [];
    const controller = new AbortController();
    const done = new Promise<void>((resolve) => {
      observePosts(
        page() as unknown as Document,
        slowAdapter,
        (changes) => {
          calls.push(changes);
          resolve();
        },
        { signal: controller.signal, sliceBudgetMs: 1 },
      );
    });
    await done;
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((c) => c.post?.key)).toEqual(
      Array.from({ length: POSTS }, (_, i) => `x:${i}`),
    );
  });

  it('looks for new posts only where the page changed, a post whose content came late included', async () => {
    const document = page();
    // A post is an article with its author (<b>) in it.
    const scanned: string[] = [];
    const adapter: SiteAdapter = {
      platform: 'x',
      candidates: 'article',
      findPosts(root) {
        scanned.push((root as Node).nodeName.toLowerCase());
        return matchesIn(root, 'article').filter((a) => a.querySelector('b'));
      },
      readPost: (el) => postRef(el.getAttribute('data-id')!),
      mountPoint: (el) => el,
    };
    for (const a of document.querySelectorAll('article')) a.append(document.createElement('b'));
    void document.head; // linkedom adds the <head> the first time it is asked for
    const seen: (string | undefined)[] = [];
    const controller = new AbortController();
    observePosts(
      document as unknown as Document,
      adapter,
      (c) => seen.push(...c.map((x) => x.post?.key)),
      {
        signal: controller.signal,
      },
    );
    await vi.waitUntil(() => seen.length === POSTS);
    expect(scanned).toEqual(['#document']);

    // Two rows appended (one wrapped, as X's cells are): only they are read.
    const cell = document.createElement('div');
    cell.innerHTML = '<article data-id="a"><b>Ana</b></article>';
    const row = document.createElement('article');
    row.setAttribute('data-id', 'b');
    row.append(document.createElement('b'));
    document.body.append(cell, row);
    await vi.waitUntil(() => seen.length === POSTS + 2);
    expect(seen.slice(POSTS)).toEqual(['x:a', 'x:b']);
    expect(scanned.slice(1)).toEqual(['div', 'article']);

    // A placeholder row (no author yet) is not a post, until its author comes in.
    const late = document.createElement('article');
    late.setAttribute('data-id', 'c');
    late.innerHTML = '<p>Loading</p>';
    document.body.append(late);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(POSTS + 2);
    late.querySelector('p')!.append(document.createElement('b'));
    await vi.waitUntil(() => seen.length === POSTS + 3);
    expect(seen.at(-1)).toBe('x:c');
    // Never the whole page again.
    expect(scanned.filter((s) => s === '#document')).toHaveLength(1);
    controller.abort();
  });
});
