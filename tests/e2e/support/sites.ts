import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { SiteAdapter } from '../../../shared/sites/site-adapter.ts';
import { xAdapter } from '../../../shared/sites/x/adapter.ts';
import { linkedinAdapter } from '../../../shared/sites/linkedin/adapter.ts';
import { facebookAdapter } from '../../../shared/sites/facebook/adapter.ts';

const fixture = (rel: string) => fileURLToPath(new URL(`../../fixtures/${rel}`, import.meta.url));

export interface SitePage {
  site: string;
  url: string;
  route: string;
  file: string;
  adapter: SiteAdapter;
}

/** Each site's timeline fixture, served at the site's real address. */
export const sitePages: SitePage[] = [
  {
    site: 'x',
    url: 'https://x.com/home',
    route: 'https://x.com/**',
    file: fixture('x/home.html'),
    adapter: xAdapter,
  },
  {
    site: 'linkedin',
    url: 'https://www.linkedin.com/feed/',
    route: 'https://www.linkedin.com/**',
    file: fixture('linkedin/feed.html'),
    adapter: linkedinAdapter,
  },
  {
    site: 'facebook',
    url: 'https://www.facebook.com/',
    route: 'https://www.facebook.com/**',
    file: fixture('facebook/feed.html'),
    adapter: facebookAdapter,
  },
];

/** The keys the adapter reads from the saved page: what the live page must show, one badge each. */
export function expectedKeys(page: SitePage): string[] {
  const { document } = parseHTML(fs.readFileSync(page.file, 'utf8'));
  return page.adapter
    .findPosts(document)
    .map((el) => page.adapter.readPost(el)?.key)
    .filter((k): k is string => !!k);
}
