import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { startTestServer } from '../server/harness.ts';
import type { Client, TestOrg, TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, serveFixture, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';
import { overlayText } from './support/overlay.ts';
import { playSite } from './support/site-replies.ts';
import type { SiteBehaviour } from './support/site-replies.ts';
import type { SiteAdapter } from '../../shared/sites/site-adapter.ts';
import { xAdapter } from '../../shared/sites/x/adapter.ts';
import { linkedinAdapter } from '../../shared/sites/linkedin/adapter.ts';
import { facebookAdapter } from '../../shared/sites/facebook/adapter.ts';
import type { PostRef } from '../../shared/domain/schemas/post.ts';
import type { Department } from '../../shared/domain/schemas/org.ts';

const fixture = (rel: string) => fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));

interface ReplySite {
  site: SiteBehaviour;
  url: string;
  route: string;
  file: string;
  adapter: SiteAdapter;
  /** The page's reply boxes (their editors), and which one the test answers in. */
  boxes: string;
  box: number;
  send(page: Page, editor: Locator): Promise<void>;
}

/** Each site's reply-box page, served at the site's real address; sent with the site's own control. */
const sites: ReplySite[] = [
  {
    site: 'x',
    url: 'https://x.com/jarvis_best/status/1841842569182929401',
    route: 'https://x.com/**',
    file: fixture('x/status.html'),
    adapter: xAdapter,
    boxes: '[data-testid="tweetTextarea_0"]',
    box: 0,
    send: (page) => page.keyboard.press('Control+Enter'),
  },
  {
    site: 'linkedin',
    url: 'https://www.linkedin.com/feed/',
    route: 'https://www.linkedin.com/**',
    file: fixture('linkedin/feed-comments.html'),
    adapter: linkedinAdapter,
    boxes: 'form.comments-comment-box__form .ql-editor',
    box: 0,
    send: async (page, editor) =>
      editor
        .locator('xpath=ancestor::form')
        .getByRole('button', { name: 'Comment', exact: true })
        .click(),
  },
  {
    site: 'facebook',
    url: 'https://www.facebook.com/',
    route: 'https://www.facebook.com/**',
    file: fixture('facebook/feed-comments.html'),
    adapter: facebookAdapter,
    boxes: '[aria-label^="Write a comment"], [aria-label^="Comment as"]',
    box: 1,
    send: (page) => page.keyboard.press('Enter'),
  },
];

/** The page's posts and the post the chosen reply box answers, as the adapter reads them. */
function readPage(s: ReplySite): { posts: number; answered: PostRef } {
  const { document } = parseHTML(fs.readFileSync(s.file, 'utf8'));
  const doc = document as unknown as Document;
  const composers = s.adapter.composers!;
  const box = composers.findComposers(doc)[s.box]!;
  return { posts: s.adapter.findPosts(doc).length, answered: composers.readComposer(box)!.post };
}

const guidelines = {
  tone: 'warm and brief',
  dos: ['Apologise once', 'Offer to continue in a DM'],
  donts: ['Promise delivery dates'],
};
const watchPhrases = [
  { kind: 'word' as const, pattern: 'guarantee', reason: 'Legal: never guarantee outcomes' },
];

const guardOf = (page: Page) => page.locator('switchboard-composer-guard');
const guardText = async (page: Page) =>
  (await guardOf(page)
    .textContent({ timeout: 2_000 })
    .catch(() => '')) ?? '';

describe('at the sites’ reply boxes: claim before typing, guidelines and watch phrases, the reply recorded', () => {
  let ts: TestServer;
  let org: TestOrg;
  let ana: { id: string; token: string; client: Client };
  let sam: { id: string; token: string; client: Client };
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;
  let dashboard: Page;
  const departments: Record<string, Department> = {};

  beforeAll(async () => {
    ts = await startTestServer();
    org = await ts.org('Acme', ['Support', 'Sales']);
    for (const { site } of sites)
      departments[site] = await org.admin.departments.create.mutate({
        name: `Support ${site}`,
        guidelines,
        watchPhrases,
      });
    const names = sites.map(({ site }) => `Support ${site}`);
    ana = await org.member('Ana Lima', 'member', names);
    sam = await org.member('Sam Okafor', 'lead', names);
    [a, b] = await Promise.all([launchWithExtension(), launchWithExtension()]);
    await signIn(a, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana Lima');
    await signIn(b, `http://127.0.0.1:${ts.port}`, sam.token, 'Sam Okafor');
    dashboard = await b.context.newPage();
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    await dashboard.goto(`chrome-extension://${b.extensionId}/dashboard.html`);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await ts?.close();
  });

  async function open(browser: ExtensionBrowser, s: ReplySite, posts: number) {
    await serveFixture(browser.context, s.route, s.file);
    const page = await browser.context.newPage();
    await page.goto(s.url);
    await page.waitForFunction(
      (n) => document.querySelectorAll('switchboard-overlay').length === n,
      posts,
    );
    await playSite(page, s.site);
    return page;
  }
  const thread = async (key: string) => (await sam.client.posts.get.query({ postKeys: [key] }))[0]!;

  for (const s of sites)
    it(`${s.site}: B sees A's claim beside the box, A's watch phrase is flagged, A's reply is recorded at its send time`, async () => {
      const { posts, answered } = readPage(s);
      const key = answered.key;
      const pageA = await open(a, s, posts);
      const pageB = await open(b, s, posts);
      // A department of its own per site, so the metrics below are this reply's alone.
      const department = departments[s.site]!;
      await org.admin.threads.assign.mutate({ postKey: key, departmentId: department.id });
      await expect.poll(() => overlayText(pageA, key)).toContain(department.name);

      // A starts typing: the first keystroke claims the post.
      const boxA = pageA.locator(s.boxes).nth(s.box);
      await boxA.click();
      await expect.poll(() => guardText(pageA)).toContain('typing claims this post');
      expect(await guardOf(pageA).getAttribute('data-post-key')).toBe(key);
      expect(await guardText(pageA)).toContain(
        `Support ${s.site} guidelines: Tone: warm and brief`,
      );
      await pageA.keyboard.type('Hi! So sorry about this.');
      await expect.poll(async () => (await thread(key)).claim?.holderId).toBe(ana.id);
      await expect.poll(() => guardText(pageA)).toContain('You are answering this post');

      // B focuses the same post's box: the bar names A; typing is never blocked.
      const boxB = pageB.locator(s.boxes).nth(s.box);
      await boxB.click();
      await expect.poll(() => guardText(pageB)).toContain('Ana Lima is answering this post');
      const guardB = guardOf(pageB);
      expect(await guardB.getByRole('button', { name: 'Cancel reply' }).count()).toBe(1);
      expect(await guardB.getByRole('button', { name: 'Override' }).count()).toBe(1); // a lead
      await pageB.keyboard.type('Hel');
      await expect.poll(() => boxB.textContent()).toContain('Hel');
      expect((await thread(key)).claim?.holderId).toBe(ana.id); // B's typing claims nothing
      await screenshot(pageB, `composer-guard-${s.site}-held`);
      await guardB.getByRole('button', { name: 'Cancel reply' }).click();
      await expect.poll(() => guardOf(pageB).count()).toBe(0);

      // A types a watch phrase: its reason shows, highlighted; A can still send.
      await boxA.click();
      await pageA.keyboard.type(' We guarantee a replacement.');
      await expect.poll(() => guardText(pageA)).toContain('Legal: never guarantee outcomes');
      expect(await guardOf(pageA).getByRole('alert').filter({ hasText: 'guarantee' }).count()).toBe(
        1,
      );
      await guardOf(pageA).locator('details').click(); // the guidelines, unfolded
      await screenshot(pageA, `composer-guard-${s.site}-watch-phrase`);

      const before = Date.now();
      await boxA.click();
      await s.send(pageA, boxA);
      await expect.poll(async () => (await thread(key)).thread.status).toBe('answered');
      const { thread: answeredThread, claim } = await thread(key);
      expect(answeredThread).toMatchObject({ answeredBy: ana.id, answeredWithoutClaim: false });
      expect(claim).toBeNull();
      // Answered when A sent it, not when the site emptied the box (300 ms later, see
      // site-replies.ts) or the server heard of it.
      expect(answeredThread.answeredAt).toBeGreaterThanOrEqual(before);
      const replies = (await org.admin.events.list.query({ afterId: 0, limit: 1000 })).filter(
        (e) => e.postKey === key && e.type === 'thread.replied',
      );
      expect(replies).toHaveLength(1);
      expect(replies[0]!.data.text).toBe('Hi! So sorry about this. We guarantee a replacement.');
      expect(replies[0]!.at - answeredThread.answeredAt!).toBeGreaterThanOrEqual(300);
      await expect.poll(() => overlayText(pageB, key)).toContain('Answered by Ana Lima');
      await screenshot(pageB, `composer-guard-${s.site}-answered`);

      // The metrics' first response is the send: this department's only answer so far.
      const summary = await sam.client.metrics.summary.query({ departmentId: department.id });
      expect(summary.departments[0]!.firstResponseMedianMs).toBe(
        answeredThread.answeredAt! - answeredThread.firstSeenAt,
      );

      // The lead's dashboard: the timeline tells the reply with its text.
      await dashboard.reload();
      await dashboard.getByLabel('Status').selectOption({ label: 'Answered' });
      const row = dashboard.locator(`tr[data-post-key="${key}"]`);
      await row.getByRole('button', { name: /^Notes and timeline of/ }).click();
      const dialog = dashboard.getByRole('dialog', { name: 'Notes and timeline' });
      const timeline = dialog.getByRole('list', { name: 'Timeline' });
      await expect.poll(() => timeline.textContent()).toContain('Ana Lima replied on the site');
      expect(await timeline.textContent()).toContain(
        'Hi! So sorry about this. We guarantee a replacement.',
      );
      await screenshot(dashboard, `composer-guard-${s.site}-timeline`);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await pageA.close();
      await pageB.close();
    });

  it('records a reply sent past the bar, and flags it “answered without claim” for the lead', async () => {
    const s = sites.find((x) => x.site === 'facebook')!;
    const { posts } = readPage(s);
    const { document } = parseHTML(fs.readFileSync(s.file, 'utf8'));
    const composers = s.adapter.composers!;
    const box = composers.findComposers(document as unknown as Document)[0]!;
    const post = composers.readComposer(box)!.post;
    const key = post.key;
    await org.admin.posts.observe.mutate({ posts: [post] });
    await org.admin.threads.assign.mutate({ postKey: key, departmentId: departments.x!.id });
    await ana.client.claims.acquire.mutate({ postKey: key });
    const pageB = await open(b, s, posts);
    // The fixture's box holds Sam's draft already; Sam sends it whatever the bar says.
    const draft = pageB.locator(s.boxes).nth(0);
    await draft.click();
    await expect.poll(() => guardText(pageB)).toContain('Ana Lima is answering this post');
    await pageB.keyboard.press('End');
    await pageB.keyboard.press('Enter');
    await expect.poll(async () => (await thread(key)).thread.answeredWithoutClaim).toBe(true);
    expect((await thread(key)).thread).toMatchObject({ status: 'answered', answeredBy: sam.id });

    await dashboard.reload();
    await dashboard.getByLabel('Status').selectOption({ label: 'Answered' });
    const row = dashboard.locator(`tr[data-post-key="${key}"]`);
    await expect.poll(() => row.textContent()).toContain('answered without claim');
    await row.getByRole('button', { name: /^Notes and timeline of/ }).click();
    const dialog = dashboard.getByRole('dialog', { name: 'Notes and timeline' });
    await expect
      .poll(() => dialog.getByRole('list', { name: 'Timeline' }).textContent())
      .toContain(
        'Sam Okafor replied on the site while Ana Lima was answering · answered without claim',
      );
    await screenshot(dashboard, 'composer-guard-answered-without-claim');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await pageB.close();
  });

  it('leads edit watch phrases in the dashboard; a member may turn claiming on the first keystroke off', async () => {
    // The lead adds a pattern: refused while RE2 cannot run it, saved once it can.
    await dashboard.reload();
    await dashboard.getByRole('tab', { name: 'Departments' }).click();
    const form = dashboard.getByRole('form', { name: 'Support linkedin settings' });
    await form.getByRole('button', { name: 'Add watch phrase' }).click();
    const n = 'Support linkedin watch phrase 2';
    await form.getByLabel(`Kind of ${n}`).selectOption({ label: 'Pattern' });
    await form.getByLabel(n, { exact: true }).fill('(refund)\\1');
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('Not a usable pattern');
    await form.getByLabel(n, { exact: true }).fill('refund(s|ed)?');
    await form.getByLabel(`Reason for ${n}`).fill('Billing decides refunds');
    await form.getByRole('button', { name: 'Save Support linkedin' }).click();
    await form.getByText('Saved').waitFor();
    await screenshot(dashboard, 'composer-guard-watch-phrases-dashboard');
    const saved = (await sam.client.departments.list.query()).find(
      (d) => d.id === departments.linkedin!.id,
    );
    expect(saved?.watchPhrases).toEqual([
      ...watchPhrases,
      { kind: 'regex', pattern: 'refund(s|ed)?', reason: 'Billing decides refunds' },
    ]);

    // Ana turns the first-keystroke claim off: the bar offers "Claim" instead, typing claims nothing.
    const options = await a.context.newPage();
    await options.goto(`chrome-extension://${a.extensionId}/options.html`);
    await options.getByLabel(/Claim a post when I start typing a reply/).uncheck();
    await screenshot(options, 'composer-guard-options');
    await options.close();
    const s = sites.find((x) => x.site === 'linkedin')!;
    const { posts } = readPage(s);
    const { document } = parseHTML(fs.readFileSync(s.file, 'utf8'));
    const composers = s.adapter.composers!;
    const post = composers.readComposer(
      composers.findComposers(document as unknown as Document)[1]!,
    )!.post;
    await org.admin.posts.observe.mutate({ posts: [post] });
    await org.admin.threads.assign.mutate({
      postKey: post.key,
      departmentId: departments.linkedin!.id,
    });
    const page = await open(a, s, posts);
    await page.locator(s.boxes).nth(1).click();
    await expect.poll(() => guardText(page)).toContain('Nobody is answering this post');
    await page.keyboard.type(' Refunds are handled by Billing.');
    await expect.poll(() => guardText(page)).toContain('Billing decides refunds');
    expect((await thread(post.key)).claim).toBeNull();
    await guardOf(page).getByRole('button', { name: 'Claim' }).click();
    await expect.poll(async () => (await thread(post.key)).claim?.holderId).toBe(ana.id);
    await expect.poll(() => guardText(page)).toContain('You are answering this post');
    await page.close();
  });
});
