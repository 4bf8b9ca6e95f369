import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { SiteAdapter } from '../../../shared/sites/site-adapter.ts';
import { xAdapter } from '../../../shared/sites/x/adapter.ts';
import { linkedinAdapter } from '../../../shared/sites/linkedin/adapter.ts';
import { facebookAdapter } from '../../../shared/sites/facebook/adapter.ts';

/**
 * What the sites' own Content-Security-Policy allows for scripts, in short: their own origins and
 * nonces, never an extension's address. The overlay's modules must load under it anyway (a
 * content script's import is not the page's).
 */
export const SITE_CSP =
  "script-src 'self' 'nonce-Sw1tchb0ard' https://abs.twimg.com; object-src 'none'";

/** In the page's own world: true when the page's CSP refuses an inline script, as the sites' do. */
export const inlineScriptRefused = () => {
  const script = document.createElement('script');
  script.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
  document.head.append(script);
  script.remove();
  return document.documentElement.dataset.inlineRan !== 'yes';
};

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
