import type { SiteAdapter } from '../site-adapter.ts';
import type { PostRef } from '../../domain/schemas/post.ts';
import { clipText, contentHashId, postKey } from '../../domain/post-key.ts';
import { activityUrn, linkedinSelectors as S } from './selectors.ts';
import { readNewLayoutPost } from './new-layout.ts';
import { matchesIn, outermost } from '../dom-readers.ts';
import { linkedinComposers } from './composer.ts';

function urnOf(el: Element): string | null {
  const own = el.getAttribute('data-id') ?? el.getAttribute('data-urn') ?? '';
  const inner = el.querySelector(S.innerUpdate)?.getAttribute('data-urn') ?? '';
  return activityUrn.exec(own)?.[0] ?? activityUrn.exec(inner)?.[0] ?? null;
}

function isPromoted(el: Element): boolean {
  for (const d of el.querySelectorAll(S.actorDescription))
    if (/^\s*Promoted\b/i.test(d.textContent ?? '')) return true;
  return false;
}

/** Text of the update itself, not of a reshared post inside it. */
function ownText(el: Element): string {
  for (const t of el.querySelectorAll(S.text))
    if (!t.closest(S.miniUpdate)) return clipText(t.textContent ?? '');
  return '';
}

function handleFromHref(href: string | null): string | null {
  const m = /\/(in|company)\/([^/?#]+)/.exec(href ?? '');
  return m ? `${m[1] === 'company' ? 'company/' : ''}${decodeURIComponent(m[2]!)}` : null;
}

function readLegacyPost(el: Element): PostRef | null {
  const urn = urnOf(el);
  if (!urn || isPromoted(el)) return null;
  // The actor of the update, never the "X likes this" header above it.
  const name = [...el.querySelectorAll(S.actorName)].find(
    (n) => !n.closest(S.header) && !n.closest(S.miniUpdate),
  );
  const link = [...el.querySelectorAll(S.actorLink)].find((a) => !a.closest(S.miniUpdate));
  if (!name) return null; // a scrolled-away placeholder keeps its URN and nothing else
  const id = urn.slice('urn:li:activity:'.length);
  const postedMs = Number(BigInt(id) >> 22n);
  return {
    key: postKey('linkedin', urn),
    platform: 'linkedin',
    nativeId: urn,
    url: `https://www.linkedin.com/feed/update/${urn}/`,
    author: {
      handle: handleFromHref(link?.getAttribute('href') ?? null) ?? '',
      name: clipText(name.textContent ?? '', 200),
    },
    text: ownText(el),
    ...(postedMs > 1_000_000_000_000 && { postedAt: new Date(postedMs).toISOString() }),
  };
}

function readPost(el: Element): PostRef | null {
  if (el.matches(S.newPost)) return readNewLayoutPost(el, (h, text) => contentHashId(h, text));
  return readLegacyPost(el);
}

const NEWER = `${S.newFeed} ${S.newPost}`;

export const linkedinAdapter: SiteAdapter = {
  platform: 'linkedin',
  findPosts(root) {
    const legacy = outermost(matchesIn(root, S.legacyPost)).filter(
      (el) => !el.parentElement?.closest(S.aggregate) && !isPromoted(el),
    );
    const seen = new Set<string>();
    const unique = legacy.filter((el) => {
      const urn = urnOf(el);
      if (!urn || seen.has(urn) || !el.querySelector(S.actorName)) return false;
      seen.add(urn);
      return true;
    });
    const newer = matchesIn(root, NEWER).filter(
      (el) => !!el.querySelector(S.newText) || !!el.querySelector(S.newAuthorMenu),
    );
    return [...unique, ...newer];
  },
  candidates: `${S.legacyPost}, ${NEWER}`,
  readPost,
  mountPoint(el) {
    const bar = [...el.querySelectorAll(S.actionBar)].find((b) => !b.closest(S.miniUpdate));
    if (bar) return bar;
    const like = el.querySelector(S.newLikeButton);
    return like?.parentElement?.parentElement ?? el;
  },
  composers: linkedinComposers(readPost),
};
