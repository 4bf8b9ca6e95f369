import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startTestServer } from '../server/harness.ts';
import type { TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';

describe('popup', () => {
  let ts: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ts = await startTestServer();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await ts?.close();
  });

  it('lists my claimed and assigned threads, and my departments’ queue by due time', async () => {
    const org = await ts.org('Acme', ['Support', 'Sales']);
    const ana = await org.member('Ana Lima', 'member', ['Support']);
    const urgent = await org.admin.departments.create.mutate({ name: 'Urgent', slaMinutes: 5 });
    await org.admin.members.update.mutate({
      id: ana.id,
      departmentIds: [org.departments.Support!.id, urgent.id],
    });
    const [mine, given, waiting, elsewhere] = [
      post('My order never arrived, help!'),
      post('Can someone call me back about my invoice?'),
      post('Is the store open on Sunday?'),
      post('What is the price for 20 seats?'),
    ];
    await org.admin.posts.observe.mutate({ posts: [mine, given, waiting, elsewhere] });
    const route = (p: { key: string }, departmentId: string, assigneeId?: string) =>
      org.admin.threads.assign.mutate({ postKey: p.key, departmentId, assigneeId });
    await route(mine, org.departments.Support!.id);
    await route(given, org.departments.Support!.id, ana.id);
    await route(waiting, urgent.id);
    await route(elsewhere, org.departments.Sales!.id);
    await ana.client.claims.acquire.mutate({ postKey: mine.key });

    await signIn(browser, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana Lima');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const mineList = page.locator('h2:has-text("My threads") + ul');
    await expect.poll(() => mineList.locator('li').count()).toBe(2);
    expect(await mineList.textContent()).toContain('You are answering');
    const queue = page.locator('h2:has-text("Open in my departments") + ul li');
    await expect.poll(() => queue.count()).toBe(3);
    // Ordered by SLA due time: Urgent (5 min) before Support (60 min); Sales is not mine.
    expect(await queue.first().textContent()).toContain('Is the store open on Sunday?');
    expect(await page.textContent('body')).not.toContain('20 seats');
    expect(await page.textContent('body')).toContain('Online');
    await screenshot(page, 'popup');
  });
});
