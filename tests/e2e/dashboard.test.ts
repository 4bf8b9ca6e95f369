import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { post, startTestServer } from '../server/harness.ts';
import type { Client, TestOrg, TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';

describe('team lead dashboard', () => {
  let ts: TestServer;
  let org: TestOrg;
  let lead: { id: string; token: string; client: Client };
  let browser: ExtensionBrowser;
  let page: Page;
  const urgent = post('My card was charged twice, please help');
  const general = post('Do you ship to Canada?');
  let hotlineId: string;

  beforeAll(async () => {
    ts = await startTestServer();
    org = await ts.org('Acme', ['Support', 'Sales']);
    const hotline = await org.admin.departments.create.mutate({ name: 'Hotline', slaMinutes: 1 });
    hotlineId = hotline.id;
    lead = await org.member('Lou Lead', 'lead', ['Support', 'Sales', 'Hotline']);
    await lead.client.posts.observe.mutate({ posts: [urgent, general] });
    await lead.client.threads.assign.mutate({ postKey: urgent.key, departmentId: hotline.id });
    await lead.client.threads.assign.mutate({
      postKey: general.key,
      departmentId: org.departments.Support!.id,
    });
    browser = await launchWithExtension();
    await signIn(browser, `http://127.0.0.1:${ts.port}`, lead.token, 'Lou Lead');
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await ts?.close();
  });

  const row = (key: string) => page.locator(`tr[data-post-key="${key}"]`);

  it('shows the queue and reassigns a post in place', async () => {
    await expect.poll(() => row(urgent.key).count()).toBe(1);
    expect(await row(general.key).count()).toBe(1);
    await row(general.key)
      .getByLabel(/^Department for/)
      .selectOption({ label: 'Sales' });
    await expect
      .poll(
        async () =>
          (await lead.client.posts.get.query({ postKeys: [general.key] }))[0]?.thread.departmentId,
      )
      .toBe(org.departments.Sales!.id);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Routed to Sales');
    await screenshot(page, 'dashboard-queue');
  });

  it('adds a routing rule and tests a sample text against it', async () => {
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByLabel('Rule name').fill('Refunds to Support');
    await page.getByLabel('Keywords (comma-separated)').fill('refund, chargeback');
    await page.getByLabel('Route to').selectOption({ label: 'Support' });
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => page.locator('ol.rules li').count()).toBe(1);
    await page.getByLabel('Sample post text').fill('I want a REFUND for my order');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect
      .poll(() =>
        page.getByRole('group', { name: 'Test the rules' }).getByRole('status').textContent(),
      )
      .toBe('Matches rule 1: Refunds to Support');
    await screenshot(page, 'dashboard-rules');
    expect((await lead.client.rules.list.query())[0]?.keywords).toEqual(['refund', 'chargeback']);
  });

  it('edits a department’s target and guidelines', async () => {
    await page.getByRole('tab', { name: 'Departments' }).click();
    const form = page.getByRole('form', { name: 'Support settings' });
    await form.getByLabel('First-response target (minutes)').fill('45');
    await form.getByLabel('Do (one per line)').fill('Thank them\nGive a ticket number');
    await form.getByRole('button', { name: 'Save Support' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved');
    const support = (await lead.client.departments.list.query()).find((d) => d.name === 'Support');
    expect(support).toMatchObject({
      slaMinutes: 45,
      guidelines: { dos: ['Thank them', 'Give a ticket number'] },
    });
    await screenshot(page, 'dashboard-departments');
  });

  it('shows the post as overdue once its one-minute target passes, and counts it', async () => {
    await page.getByRole('tab', { name: 'Queue' }).click();
    await page.getByLabel('Overdue only').check();
    await expect
      .poll(
        async () => {
          await page.getByLabel('Department').first().selectOption({ label: 'Hotline' });
          return row(urgent.key).count();
        },
        { timeout: 80_000, interval: 5_000 },
      )
      .toBe(1);
    expect(await row(urgent.key).getAttribute('class')).toContain('overdue');
    expect(await row(urgent.key).textContent()).toMatch(/overdue \d+m/);
    await screenshot(page, 'dashboard-overdue');

    await page.getByRole('tab', { name: 'Metrics' }).click();
    const hotline = page.getByRole('row', { name: 'Metrics for Hotline' });
    await expect.poll(() => hotline.locator('[data-metric="overdue"]').textContent()).toBe('1');
    expect(hotlineId).toBeTruthy();
    await screenshot(page, 'dashboard-metrics');
  }, 120_000);
});
