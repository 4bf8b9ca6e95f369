import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observePosts } from './observe.ts';
import type { PostChange } from './observe.ts';
import type { SiteAdapter } from '../sites/site-adapter.ts';
import { postRef } from '../../tests/fixtures/post-ref.ts';

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
});
