import type { Platform } from './schemas/post.ts';

/** The sites each platform's posts live on (and their subdomains: www., mobile., m., web.). */
const siteDomains: Record<Platform, readonly string[]> = {
  x: ['x.com', 'twitter.com'],
  linkedin: ['linkedin.com'],
  facebook: ['facebook.com'],
};

/**
 * Why `url` cannot be a post's address on `platform`, or null. The dashboard and the overlay open
 * it as a link, so it must be `https:` on the post's own site: never `javascript:`, `data:` or a
 * look-alike host.
 */
export function postUrlRefusal(platform: Platform, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:') return 'a post’s address must be https:';
  if (parsed.username || parsed.password) return 'a post’s address carries no credentials';
  const host = parsed.hostname.toLowerCase();
  const domains = siteDomains[platform];
  if (!domains.some((d) => host === d || host.endsWith(`.${d}`)))
    return `a ${platform} post’s address is on ${domains.join(' or ')}`;
  return null;
}

/** The platform whose site `url` (a tab's address) is on, or null: https only, as postUrlRefusal. */
export function platformOfPage(url: string | undefined): Platform | null {
  if (!url) return null;
  return (Object.keys(siteDomains) as Platform[]).find((p) => !postUrlRefusal(p, url)) ?? null;
}

/**
 * A stored post's address the extension may open or link to: rows stored before addresses were
 * checked may hold anything, `javascript:` included.
 */
export function isPostAddress(url: string): boolean {
  return (Object.keys(siteDomains) as Platform[]).some((p) => postUrlRefusal(p, url) === null);
}
