import { trackingParams } from './selectors.ts';

export interface Permalink {
  id: string;
  url: string;
  /** Lower is better: a post link beats a video link beats a photo link. */
  rank: number;
}

const ID = '(pfbid[0-9A-Za-z]+|\\d{5,25})';
const shapes: { re: RegExp; rank: number }[] = [
  { re: new RegExp(`^/groups/[^/]+/(?:posts|permalink)/${ID}/?$`), rank: 0 },
  { re: new RegExp(`^/[^/]+/posts/${ID}/?$`), rank: 0 },
  { re: new RegExp(`^/permalink/${ID}/?$`), rank: 0 },
  { re: new RegExp(`^/reel/${ID}/?$`), rank: 1 },
  { re: new RegExp(`^/(?:[^/]+/)?videos/(?:[^/]+/)?${ID}/?$`), rank: 1 },
];

/** A post's id and clean address from a permalink-shaped link, or null. */
export function parsePermalink(href: string | null): Permalink | null {
  if (!href || href === '#' || href.startsWith('javascript:')) return null;
  let url: URL;
  try {
    url = new URL(href, 'https://www.facebook.com');
  } catch {
    return null;
  }
  if (!/(^|\.)facebook\.com$/.test(url.hostname)) return null;
  for (const p of trackingParams) url.searchParams.delete(p);
  url.hash = '';
  const path = url.pathname;
  if (path === '/permalink.php' || path === '/story.php') {
    const story = url.searchParams.get('story_fbid');
    const owner = url.searchParams.get('id');
    if (!story) return null;
    const clean = `https://www.facebook.com/permalink.php?story_fbid=${story}${owner ? `&id=${owner}` : ''}`;
    return { id: story, url: clean, rank: 0 };
  }
  if (path === '/photo/' || path === '/photo.php' || path === '/photo') {
    const fbid = url.searchParams.get('fbid');
    return fbid ? { id: fbid, url: `https://www.facebook.com/photo/?fbid=${fbid}`, rank: 2 } : null;
  }
  for (const { re, rank } of shapes) {
    const m = re.exec(path);
    if (m) return { id: m[1]!, url: `https://www.facebook.com${path.replace(/\/$/, '')}`, rank };
  }
  return null;
}
