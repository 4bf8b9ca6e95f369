import fs from 'node:fs';
import { parseHTML } from 'linkedom';
import { sitePages } from '../e2e/support/sites.ts';
import type { SitePage } from '../e2e/support/sites.ts';

/**
 * Replays of the three sites as they behave while a person scrolls, built from the saved pages
 * in tests/fixtures (the same markup the adapters and e2e tests read):
 * - X: a virtualised timeline. Rows are absolutely positioned (translateY), re-measured by a
 *   ResizeObserver (a row that grows moves every row below it), a window of about 25 rows: new
 *   posts come in at the bottom a few per tick and rows that scrolled away leave the DOM.
 * - LinkedIn, Facebook: feeds that keep growing; their posts stay in the DOM.
 * Every row is a copy of one of the fixture's post rows with its ids replaced (a post key of
 * its own per copy, and per `seed`: another seed is a set of posts the server has never seen).
 */
export interface Replay {
  site: string;
  url: string;
  route: string;
  /** The saved page with its feed emptied; the replay script fills it. */
  html: string;
}

/** A row template: text between id tokens; `tokens[i]` replaces the id at index i. */
interface Template {
  parts: string[];
  tokens: string[];
}

const ID = /pfbid0[0-9A-Za-z]{20,}|\d{15,}/g;

function template(html: string): Template {
  const parts: string[] = [];
  const tokens: string[] = [];
  let last = 0;
  for (const m of html.matchAll(ID)) {
    parts.push(html.slice(last, m.index));
    tokens.push(m[0]);
    last = m.index + m[0].length;
  }
  parts.push(html.slice(last));
  return { parts, tokens };
}

/** Same id in, same id out within one copy; each copy and seed its own ids (same length). */
export function fill(t: Template, copy: number, seed: number): string {
  const ids = new Map<string, string>();
  let out = t.parts[0]!;
  t.tokens.forEach((token, i) => {
    let id = ids.get(token);
    if (id === undefined) {
      const tail = `${seed % 10}${String(copy).padStart(5, '0')}${String(ids.size).padStart(3, '0')}0`;
      id = token.slice(0, token.length - tail.length) + tail;
      ids.set(token, id);
    }
    out += id + t.parts[i + 1]!;
  });
  return out;
}

function lowestCommonAncestor(els: Element[]): Element {
  let lca = els[0]!.parentElement!;
  while (!els.every((el) => lca.contains(el))) lca = lca.parentElement!;
  return lca;
}

/** The page without its feed rows, the feed container marked, and a template per post row. */
function build(page: SitePage) {
  const source = fs.readFileSync(page.file, 'utf8');
  const { document } = parseHTML(source);
  const posts = page.adapter.findPosts(document);
  const feed = lowestCommonAncestor(posts);
  const rows = [...feed.children];
  const postRows = rows.filter((row) => posts.some((p) => row.contains(p)));
  const templates = postRows.map((row) => template(row.outerHTML));
  // Keep only rows whose copies read as distinct posts (a key from a content hash would not).
  const keysOf = (t: Template, copy: number) => {
    const { document: d } = parseHTML(`<div>${fill(t, copy, 1)}</div>`);
    return page.adapter
      .findPosts(d)
      .map((el) => page.adapter.readPost(el)?.key)
      .filter(Boolean);
  };
  const usable = templates.filter((t) => {
    const [a, b] = [keysOf(t, 1), keysOf(t, 2)];
    return a.length === 1 && b.length === 1 && a[0] !== b[0];
  });
  for (const row of rows) row.remove();
  // X positions its rows with an inline transform; the saved page flattens them for the tests.
  if (page.site === 'x')
    for (const style of document.querySelectorAll('style'))
      style.textContent = style.textContent!.replace('transform: none !important;', '');
  feed.setAttribute('data-bench-feed', '');
  return { html: `<!doctype html>\n${document.documentElement.outerHTML}`, templates: usable };
}

/** The page's own code: the site's feed, driven by timers, measuring itself. */
function replayScript(
  site: string,
  templates: Template[],
  options: { virtual: boolean; posts: number; perTick: number; tickMs: number; window: number },
) {
  return `(() => {
const TEMPLATES = ${JSON.stringify(templates)};
const OPTIONS = ${JSON.stringify(options)};
const SITE = ${JSON.stringify(site)};
${fill.toString()}
const bench = (window.__bench = { inserted: 0, done: false, latencies: [], floorLatencies: [], long: [], removed: 0 });
new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.long.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });
const insertedAt = new WeakMap();
// A badge is drawn when its host's mirrored text says what the badge says (not "Loading…").
const seen = new WeakSet();
const check = (host) => {
  if (seen.has(host)) return;
  const text = host.textContent || '';
  const floor = host.localName === 'floor-overlay';
  if (!text || (!floor && /^(Loading|Connecting)/.test(text))) return;
  for (let n = host.parentElement; n; n = n.parentElement) {
    const t = insertedAt.get(n);
    if (t === undefined) continue;
    seen.add(host);
    (floor ? bench.floorLatencies : bench.latencies).push(performance.now() - t);
    return;
  }
};
new MutationObserver((records) => {
  for (const r of records) {
    const target = r.target.nodeType === 3 ? r.target.parentNode : r.target;
    if (target && (target.localName === 'switchboard-overlay' || target.localName === 'floor-overlay')) check(target);
    for (const n of r.addedNodes) if (n.localName === 'switchboard-overlay' || n.localName === 'floor-overlay') check(n);
  }
}).observe(document.documentElement, { subtree: true, childList: true, characterData: true });

const feed = document.querySelector('[data-bench-feed]');
const tpl = document.createElement('template');
const rowFor = (n) => {
  tpl.innerHTML = fill(TEMPLATES[n % TEMPLATES.length], n, OPTIONS.seed);
  return tpl.content.firstElementChild;
};
const cells = []; // X: the rows in the window, top to bottom
let end = 0;      // X: the timeline's height so far
if (OPTIONS.virtual) {
  // X sets these inline on every cellInnerDiv; the fixture's stylesheet flattens them for tests.
  const style = document.createElement('style');
  style.textContent = '[data-bench-feed] > [data-testid="cellInnerDiv"] { position: absolute; left: 0; right: 0; top: 0; }';
  document.head.append(style);
  feed.style.position = 'relative';
}
const layout = () => {
  let top = cells.length ? cells[0].top : 0;
  for (const c of cells) {
    c.top = top;
    c.el.style.transform = 'translateY(' + top + 'px)';
    top += c.height;
  }
  end = Math.max(end, top);
  feed.style.minHeight = end + 'px';
};
const resize = new ResizeObserver((entries) => {
  let changed = false;
  for (const e of entries) {
    const c = cells.find((x) => x.el === e.target);
    const h = e.borderBoxSize?.[0]?.blockSize ?? e.target.offsetHeight;
    if (c && c.height !== h) { c.height = h; changed = true; }
  }
  if (changed) layout();
});
const tick = () => {
  const n0 = bench.inserted;
  for (let i = 0; i < OPTIONS.perTick && bench.inserted < OPTIONS.posts; i++) {
    const row = rowFor(bench.inserted++);
    if (OPTIONS.virtual) {
      const c = { el: row, top: end, height: 0 };
      cells.push(c);
      row.style.transform = 'translateY(' + end + 'px)';
      feed.append(row);
      resize.observe(row);
    } else feed.append(row);
    insertedAt.set(row, performance.now());
  }
  if (OPTIONS.virtual) {
    while (cells.length > OPTIONS.window) {
      const c = cells.shift();
      resize.unobserve(c.el);
      c.el.remove();
      bench.removed++;
    }
    layout();
    const last = cells[cells.length - 1];
    window.scrollTo(0, Math.max(0, last.top - innerHeight * 0.6));
  } else {
    window.scrollTo(0, document.documentElement.scrollHeight - innerHeight * 1.6);
  }
  if (bench.inserted < OPTIONS.posts) setTimeout(tick, OPTIONS.tickMs);
  else bench.done = true;
};
bench.start = () => setTimeout(tick, 0);
})();`;
}

export interface ReplayOptions {
  posts: number;
  seed: number;
}

/** Each site's replay: the page, and the script that drives it (add it as an init script). */
export function siteReplays(): Map<string, Replay & { script(o: ReplayOptions): string }> {
  const out = new Map<string, Replay & { script(o: ReplayOptions): string }>();
  for (const page of sitePages) {
    const { html, templates } = build(page);
    const virtual = page.site === 'x';
    out.set(page.site, {
      site: page.site,
      url: page.url,
      route: page.route,
      html,
      script: ({ posts, seed }) =>
        replayScript(page.site, templates, {
          virtual,
          posts,
          perTick: virtual ? 3 : 5,
          tickMs: virtual ? 100 : 250,
          window: 25,
          ...{ seed },
        } as never),
    });
  }
  return out;
}
