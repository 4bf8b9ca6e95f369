import type { SiteAdapter } from '../site-adapter.ts';
import type { PostRef } from '../../domain/schemas/post.ts';
import { clipText, contentHashId, postKey } from '../../domain/post-key.ts';
import { facebookSelectors as S, trackingParams } from './selectors.ts';
import { parsePermalink } from './permalink.ts';
import { matchesIn, outermost, postScope } from '../dom-readers.ts';
import type { Permalink } from './permalink.ts';
import { facebookComposers } from './composer.ts';

/** Elements of the post itself, never of a comment under it. */
function own(el: Element, selector: string): Element[] {
  return [...el.querySelectorAll(selector)].filter((e) => !e.closest(S.comment));
}

/** "Sponsored" is scrambled into letters; the link to /ads/about/ is not. */
function isSponsored(el: Element): boolean {
  return !!el.querySelector(S.adLink) || !!el.querySelector(S.sponsoredLabel);
}

function author(el: Element): { handle: string; name: string; profileUrl: string } | null {
  const box = own(el, S.profileName)[0];
  const link = box?.querySelector(S.profileLink);
  const name = clipText((link ?? box)?.textContent ?? '', 200);
  if (!name) return null;
  let handle = '';
  let profileUrl = 'https://www.facebook.com/';
  try {
    const url = new URL(link?.getAttribute('href') ?? '', 'https://www.facebook.com');
    for (const p of trackingParams) url.searchParams.delete(p);
    if (/(^|\.)facebook\.com$/.test(url.hostname) && url.protocol === 'https:')
      profileUrl = url.toString();
    const groupMember = /^\/groups\/[^/]+\/user\/(\d+)/.exec(url.pathname)?.[1];
    handle =
      groupMember ?? url.searchParams.get('id') ?? url.pathname.split('/').filter(Boolean)[0] ?? '';
  } catch {
    handle = '';
  }
  if (!handle || handle === 'profile.php' || handle === 'groups') handle = name.toLowerCase();
  return { handle, name, profileUrl };
}

function bestPermalink(el: Element): Permalink | null {
  let best: Permalink | null = null;
  for (const a of own(el, S.link)) {
    const p = parsePermalink(a.getAttribute('href'));
    if (p && (!best || p.rank < best.rank)) best = p;
  }
  return best;
}

function readPost(el: Element): PostRef | null {
  if (isSponsored(el)) return null;
  const who = author(el);
  if (!who) return null;
  const text = clipText(own(el, S.message)[0]?.textContent ?? '');
  const link = bestPermalink(el);
  // The timestamp's href is often "#" until hovered: then the content is the key.
  if (!link && !text) return null;
  const nativeId = link?.id ?? contentHashId(who.handle, text);
  return {
    key: postKey('facebook', nativeId),
    platform: 'facebook',
    nativeId,
    url: link?.url ?? who.profileUrl,
    author: { handle: who.handle, name: who.name },
    text,
  };
}

const CANDIDATES = `${S.feedPost}, ${S.groupPost}`;

export const facebookAdapter: SiteAdapter = {
  platform: 'facebook',
  findPosts(root) {
    const scope = postScope(root, S.main);
    if (!scope) return [];
    const candidates = matchesIn(scope, CANDIDATES);
    return outermost(candidates).filter(
      (el) => !el.closest(S.comment) && !isSponsored(el) && own(el, S.profileName).length > 0,
    );
  },
  candidates: CANDIDATES,
  readPost,
  mountPoint(el) {
    const like = own(el, S.likeButton)[0];
    for (let p = like?.parentElement; p && p !== el; p = p.parentElement)
      if (p.querySelector(S.commentButton)) return p;
    return el;
  },
  composers: facebookComposers(readPost),
};
