import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { post, startTestServer } from '../server/harness.ts';
import type { Client, TestOrg, TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';

type Person = { id: string; token: string; client: Client };

describe('consults on the team dashboard', () => {
  let ts: TestServer;
  let org: TestOrg;
  let ana: Person;
  let lia: Person;
  let browser: ExtensionBrowser;
  let page: Page;
  const refund = post('I want my money back, the blender exploded');

  beforeAll(async () => {
    ts = await startTestServer();
    org = await ts.org('Acme', ['Support', 'Legal']);
    ana = await org.member('Ana Lima', 'member', ['Support']);
    lia = await org.member('Lia Lead', 'lead', ['Legal']);
    await ana.client.posts.observe.mutate({ posts: [refund] });
    await org.admin.threads.assign.mutate({
      postKey: refund.key,
      departmentId: org.departments.Support!.id,
    });
    await ana.client.notes.add.mutate({ postKey: refund.key, text: 'Angry, but polite so far.' });
    await ana.client.consults.open.mutate({
      postKey: refund.key,
      departmentId: org.departments.Legal!.id,
      text: 'Is this a product liability case?',
    });

    browser = await launchWithExtension();
    await signIn(browser, `http://127.0.0.1:${ts.port}`, lia.token, 'Lia Lead');
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await ts?.close();
  });

  const row = () => page.locator(`tr[data-post-key="${refund.key}"]`);

  it('filters what Legal is asked, opens the thread panel from the row, and answers there', async () => {
    await page.getByText('Nothing matches these filters.').waitFor();
    expect(await row().count()).toBe(0); // a Support post: not in Legal's own queue
    await page.getByLabel('Waiting on my team').check();
    await expect.poll(() => row().textContent()).toMatch(/Waiting on Legal · \d+m/);

    await row()
      .getByRole('button', { name: /^Notes and timeline of/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Notes and timeline' });
    await expect
      .poll(() => dialog.getByRole('list', { name: 'Internal notes' }).textContent())
      .toContain('Is this a product liability case?');
    expect(await dialog.textContent()).toContain('Angry, but polite so far.');
    expect(await dialog.getByRole('list', { name: 'Timeline' }).textContent()).toContain(
      'Ana Lima asked Legal',
    );
    await screenshot(page, 'consult-dashboard-panel');

    await dialog.getByRole('button', { name: 'Reply to consult' }).click();
    await dialog.getByLabel('Reply to Legal’s consult').fill('No: a refund is fine, no admission.');
    await dialog.getByRole('button', { name: 'Send reply' }).click();
    await expect
      .poll(() => dialog.getByRole('list', { name: 'Timeline' }).textContent())
      .toContain('Lia Lead answered for Legal');
    const [after] = await ana.client.posts.get.query({ postKeys: [refund.key] });
    expect(after!.thread.waitingOn).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => row().count()).toBe(0); // no longer waiting on Legal

    await page.getByRole('tab', { name: 'Metrics' }).click();
    const waits = page.getByRole('table', { name: 'Waiting on other departments' });
    await expect.poll(() => waits.textContent()).toContain('Legal');
    const legal = waits.getByRole('row', { name: 'Waits on Legal' });
    expect(await legal.locator('[data-metric="open-consults"]').textContent()).toBe('0');
  });
});
