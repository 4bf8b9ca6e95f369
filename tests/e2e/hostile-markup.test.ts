import fs from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../server/harness.ts';
import type { TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';
import { sitePages } from './support/sites.ts';
import { overlayOf, overlayText } from './support/overlay.ts';
import { xSelectors } from '../../shared/sites/x/selectors.ts';

/**
 * Everything Switchboard shows comes from a site (post text, author names) or from the server
 * (member, department and note text), and any of it may carry markup. Here each carries an image
 * whose onerror would run, and a script: they must show as the characters they are, on every
 * surface (badge, menu, thread panel, toast, popup, dashboard), and nothing may run.
 */
const payload = (who: string) =>
  `<img src=x onerror="window.__pwned=(window.__pwned||[]).concat('${who}')"><script>window.__pwned='${who}'</script>`;
const POST_TEXT = `${payload('post')} my order never arrived`;
const AUTHOR = `<b>Mallory</b>${payload('author')}`.slice(0, 200);
const DEPARTMENT = `<i>Legal</i><img src=x onerror=alert(1)>`;
const MEMBER = `<u>Eve</u><img src=x onerror=alert(2)>`;
const NOTE = `${payload('note')} check this @Ana Lima`;

const x = sitePages.find((s) => s.site === 'x')!;

/** The X fixture with one post whose text and author's name are the hostile strings, as X shows them (as text). */
function hostileTimeline(): { html: string; key: string } {
  const doc = parseHTML(fs.readFileSync(x.file, 'utf8')).document as unknown as Document;
  const [first, ...others] = x.adapter.findPosts(doc);
  for (const other of others) other.remove();
  const innermost = (el: Element) => {
    while (el.children.length === 1) el = el.firstElementChild!;
    return el;
  };
  innermost(first!.querySelector(xSelectors.text)!).textContent = POST_TEXT;
  const name = first!.querySelector(xSelectors.userName)!.querySelector(xSelectors.userLink)!;
  innermost(name).textContent = AUTHOR;
  const ref = x.adapter.readPost(first!)!;
  expect(ref.text).toContain('<img src=x onerror=');
  expect(ref.author.name).toBe(AUTHOR);
  return { html: `<!doctype html>\n${doc.documentElement.outerHTML}`, key: ref.key };
}

/**
 * Elements a hostile string would have made: images and scripts anywhere (the fixture has none),
 * and the markup's tags inside Switchboard's shadow roots or anywhere on its own pages.
 */
function injected(page: Page, ownPage: boolean) {
  return page.evaluate((ownPage) => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot, ours: boolean) => {
      for (const el of root.querySelectorAll('img[src="x"], img[onerror]'))
        found.push(el.outerHTML);
      if (ours)
        for (const el of root.querySelectorAll('script:not([src]), b, i, u'))
          found.push(el.outerHTML);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot, true);
    };
    walk(document, ownPage);
    return { found, pwned: (window as { __pwned?: unknown }).__pwned ?? null };
  }, ownPage);
}

describe('markup in posts, names and notes is shown as text and never runs', () => {
  let ts: TestServer;
  let browser: ExtensionBrowser;
  let site: Page;
  let key: string;
  let hostile: () => Promise<void>;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    const timeline = hostileTimeline();
    key = timeline.key;
    ts = await startTestServer();
    const org = await ts.org('Acme', ['Support']);
    const legal = await org.admin.departments.create.mutate({ name: DEPARTMENT });
    const ana = await org.member('Ana Lima', 'lead', ['Support', DEPARTMENT]);
    const eve = await org.member(MEMBER, 'member', [DEPARTMENT]);
    browser = await launchWithExtension();
    browser.context.on('console', (m) => {
      if (/Content Security Policy|inline event handler/i.test(m.text()))
        cspViolations.push(m.text());
    });
    await signIn(browser, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana Lima');
    await browser.context.route(x.route, (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: timeline.html,
          })
        : route.fulfill({ status: 204, body: '' }),
    );
    site = await browser.context.newPage();
    await site.goto(x.url);
    await overlayOf(site, key).waitFor();
    hostile = async () => {
      // The server's side of it: routed to the department with markup in its name (Ana is told by
      // a toast), claimed by the member with markup in theirs, a note with markup in its text.
      await expect.poll(() => overlayText(site, key)).toContain('Unrouted');
      await site.bringToFront(); // the toast goes to the social tab in front
      await org.admin.threads.assign.mutate({ postKey: key, departmentId: legal.id });
      await eve.client.claims.acquire.mutate({ postKey: key });
      await eve.client.notes.add.mutate({ postKey: key, text: NOTE });
    };
  });
  afterAll(async () => {
    await browser?.close();
    await ts?.close();
  });

  it('badge, menu, thread panel and toast on the site', async () => {
    await hostile();
    const overlay = overlayOf(site, key);
    await expect.poll(() => overlayText(site, key)).toContain(`${MEMBER} is answering`);
    expect(await overlayText(site, key)).toContain(DEPARTMENT);
    // Ana is told of the mention: the member's name and the note, as they were written.
    const toasts = () =>
      site
        .locator('switchboard-toasts [data-sonner-toast]')
        .evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' | '));
    await expect.poll(toasts).toContain(`${MEMBER} mentioned you`);
    expect(await toasts()).toContain(payload('note'));
    await screenshot(site, 'hostile-markup-toast');

    await overlay.getByRole('button', { name: 'Actions' }).click();
    await overlay.getByRole('button', { name: 'Assign', exact: true }).click();
    const menu = overlay.getByRole('group', { name: 'Switchboard actions' });
    await expect.poll(() => menu.textContent()).toContain(DEPARTMENT);
    await screenshot(site, 'hostile-markup-menu');
    await site.keyboard.press('Escape');
    await site.keyboard.press('Escape');

    await overlay.getByRole('button', { name: /^Notes/ }).click();
    const panel = overlay.getByRole('dialog', { name: 'Notes and timeline' });
    await panel.getByRole('list', { name: 'Timeline' }).waitFor();
    await expect.poll(() => panel.textContent()).toContain(payload('note'));
    const text = (await panel.textContent())!;
    expect(text).toContain(MEMBER);
    expect(text).toContain(DEPARTMENT);
    await screenshot(site, 'hostile-markup-site');

    expect(await injected(site, false)).toEqual({ found: [], pwned: null });
  });

  it('popup and dashboard', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('body').textContent()).toContain(POST_TEXT);
    const body = (await popup.locator('body').textContent())!;
    expect(body).toContain(AUTHOR);
    expect(body).toContain(DEPARTMENT);
    expect(body).toContain(`${MEMBER} is answering`);
    await screenshot(popup, 'hostile-markup-popup');
    expect(await injected(popup, true)).toEqual({ found: [], pwned: null });

    const dashboard = await browser.context.newPage();
    await dashboard.setViewportSize({ width: 1280, height: 800 });
    await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    const row = dashboard.locator(`tr[data-post-key="${key}"]`);
    await expect.poll(() => row.textContent()).toContain(POST_TEXT);
    const rowText = (await row.textContent())!;
    expect(rowText).toContain(AUTHOR);
    expect(rowText).toContain(`${MEMBER} is answering`);
    await screenshot(dashboard, 'hostile-markup-dashboard');
    expect(await injected(dashboard, true)).toEqual({ found: [], pwned: null });
    expect(cspViolations).toEqual([]);
  });
});
