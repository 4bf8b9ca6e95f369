import fs from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Platform } from '../../shared/domain/schemas/post.ts';
import { xSelectors } from '../../shared/sites/x/selectors.ts';
import { linkedinSelectors } from '../../shared/sites/linkedin/selectors.ts';
import { facebookSelectors } from '../../shared/sites/facebook/selectors.ts';
import { sitePages } from '../e2e/support/sites.ts';
import type { SitePage } from '../e2e/support/sites.ts';
import { DEMO_POSTS, pageRenames } from './posts.ts';
import type { DemoPost } from './posts.ts';

/** A site's timeline as the demo serves it at the real address, for one viewer. */
export interface ReplicaPage extends Omit<SitePage, 'file'> {
  site: Platform;
  html: string;
  /** The keys of the posts on it, in page order, as the adapter reads them. */
  keys: string[];
}

export interface Viewer {
  name: string;
  /** What the site shows under the viewer's name, e.g. "Support at Acme Outdoor". */
  title: string;
}

const textSelector: Record<Platform, string> = {
  x: xSelectors.text,
  linkedin: linkedinSelectors.text,
  facebook: facebookSelectors.message,
};

/** A timeline's rows. Rows holding no post (ads, suggestions, placeholders) are left out. */
const rowSelector: Record<Platform, string> = {
  x: '[data-testid="primaryColumn"] [data-testid="cellInnerDiv"]',
  linkedin: '[data-finite-scroll-hotkey-item]',
  facebook: '[aria-posinset]',
};

const demoStyle = fs.readFileSync(new URL('./replica.css', import.meta.url), 'utf8');
const AVATAR_COLOURS = ['#f4a261', '#2a9d8f', '#e76f51', '#8ab17d', '#6d597a', '#457b9d'];

/** The innermost element holding all of a text block's words, so its wrappers stay as captured. */
function innermost(el: Element): Element {
  let at = el;
  while (at.children.length === 1 && at.firstElementChild!.textContent === at.textContent)
    at = at.firstElementChild!;
  return at;
}

function replaceAll(html: string, pairs: readonly [string, string][]): string {
  return pairs.reduce((out, [from, to]) => out.split(from).join(to), html);
}

function rewrite(post: Element, demo: DemoPost, site: Platform) {
  post.innerHTML = replaceAll(post.innerHTML, demo.rename ?? []);
  for (const sel of demo.strip ?? []) for (const el of post.querySelectorAll(sel)) el.remove();
  const [own, quoted] = [...post.querySelectorAll(textSelector[site])];
  if (demo.text !== undefined && own) innermost(own).textContent = demo.text;
  if (demo.quote !== undefined && quoted) innermost(quoted).textContent = demo.quote;
}

/** X draws avatars from pictures the capture does not hold: a coloured initial stands in. */
function paintAvatars(doc: Document) {
  const containers = doc.querySelectorAll('[data-testid^="UserAvatar-Container-"]');
  for (const [i, el] of [...containers].entries()) {
    const handle = el.getAttribute('data-testid')!.replace('UserAvatar-Container-', '');
    el.setAttribute('data-demo-initial', handle.replace(/^_+/, '').charAt(0).toUpperCase());
    el.setAttribute(
      'style',
      `${el.getAttribute('style') ?? ''}; --demo-avatar: ${AVATAR_COLOURS[i % 6]}`,
    );
  }
}

export function buildReplica(page: SitePage, viewer: Viewer): ReplicaPage {
  const site = page.adapter.platform;
  const source = replaceAll(fs.readFileSync(page.file, 'utf8'), pageRenames(viewer));
  const doc = parseHTML(source).document as unknown as Document;
  const posts = page.adapter.findPosts(doc);
  for (const row of doc.querySelectorAll(rowSelector[site]))
    if (!posts.some((p) => row.contains(p) || p.contains(row))) row.remove();
  for (const post of posts) {
    const key = page.adapter.readPost(post)?.key;
    const demo = key ? DEMO_POSTS[site][key] : undefined;
    if (!demo) throw new Error(`the demo has no words for ${key ?? 'a post'} on ${site}`);
    if (demo.drop) (post.closest(rowSelector[site]) ?? post).remove();
    else rewrite(post, demo, site);
  }
  paintAvatars(doc);
  // Pictures the capture kept without an address: serve-replicas answers this one with a face.
  for (const img of doc.querySelectorAll('img:not([src])'))
    img.setAttribute('src', new URL('/demo/person.svg', page.url).href);
  const style = doc.createElement('style');
  style.textContent = demoStyle;
  doc.head.append(style);
  const keys = page.adapter
    .findPosts(doc)
    .map((el) => page.adapter.readPost(el)?.key)
    .filter((k): k is string => !!k);
  const { file: _file, ...where } = page;
  return { ...where, site, html: `<!doctype html>\n${doc.documentElement.outerHTML}`, keys };
}

export const buildReplicas = (viewer: Viewer): ReplicaPage[] =>
  sitePages.map((page) => buildReplica(page, viewer));
