import type { SiteAdapter } from '../site-adapter.ts';
import type { PostRef } from '../../domain/schemas/post.ts';
import { clipText, postKey } from '../../domain/post-key.ts';
import { profileLinkOf, statusPath, xSelectors as S } from './selectors.ts';
import { xComposers } from './composer.ts';
import { matchesIn, postScope } from '../dom-readers.ts';

function pathOf(a: Element): string {
  const href = a.getAttribute('href') ?? '';
  try {
    return new URL(href, 'https://x.com').pathname;
  } catch {
    return '';
  }
}

/**
 * The post's own status link: the one wrapping a <time>. A quoted post's time has no link, and
 * on a thread's focal post the quoted time comes first, so never take the first <time>.
 */
function ownStatus(el: Element): { handle: string; id: string; time: Element } | null {
  for (const time of el.querySelectorAll(S.time)) {
    const a = time.closest(S.timeLink);
    if (!a || !el.contains(a)) continue;
    const m = statusPath.exec(pathOf(a));
    if (m) return { handle: m[1]!, id: m[2]!, time };
  }
  return null;
}

/** Ads carry an "Ad" label and no timestamped status link. */
function isAd(el: Element): boolean {
  if (el.parentElement?.closest(S.placementTracking)) return true;
  if (ownStatus(el)) return false;
  return !!el.querySelector(S.analyticsLink) || labelledAd(el);
}

function labelledAd(el: Element): boolean {
  for (const span of el.querySelectorAll(S.adLabel)) {
    const t = span.textContent?.trim();
    if ((t === 'Ad' || t === 'Promoted') && span.children.length === 0) return true;
  }
  return false;
}

function displayName(el: Element, handle: string): string {
  const box = el.querySelector(S.userName);
  const link = box?.querySelector(profileLinkOf(handle)) ?? box?.querySelector(S.userLink);
  const name = clipText((link ?? box)?.textContent ?? '', 200);
  return name.split('@')[0]!.trim() || handle;
}

/** Text with emoji images kept as their alt text, as the page shows it. */
function postText(el: Element): string {
  const box = el.querySelector(S.text);
  if (!box) return '';
  let out = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (e.tagName === 'IMG') out += e.getAttribute('alt') ?? '';
        else if (e.tagName === 'BR') out += '\n';
        else walk(e);
      }
    }
  };
  walk(box);
  return clipText(out);
}

function readPost(el: Element): PostRef | null {
  const own = ownStatus(el);
  if (!own || isAd(el)) return null;
  const datetime = own.time.getAttribute('datetime');
  const postedAt =
    datetime && !Number.isNaN(Date.parse(datetime)) ? new Date(datetime).toISOString() : undefined;
  return {
    key: postKey('x', own.id),
    platform: 'x',
    nativeId: own.id,
    url: `https://x.com/${own.handle}/status/${own.id}`,
    author: { handle: own.handle, name: displayName(el, own.handle) },
    text: postText(el),
    ...(postedAt && { postedAt }),
  };
}

export const xAdapter: SiteAdapter = {
  platform: 'x',
  findPosts(root) {
    const scope = postScope(root, S.primaryColumn);
    if (!scope) return [];
    const found: Element[] = [];
    for (const el of matchesIn(scope, S.post)) {
      if (el.parentElement?.closest(S.post)) continue; // never a post inside a post
      if (el.closest(S.dmDrawer) || isAd(el)) continue;
      found.push(el);
    }
    return found;
  },
  candidates: S.post,
  readPost,
  mountPoint(el) {
    const bars = el.querySelectorAll(S.actionBar);
    // The post's own bar is the last group (a quoted post has none; media may add one before).
    return bars[bars.length - 1] ?? el;
  },
  composers: xComposers(readPost),
};
