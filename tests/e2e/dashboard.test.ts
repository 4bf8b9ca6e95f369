import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { post, startTestServer } from '../server/harness.ts';
import type { Client, TestOrg, TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';

type Person = { id: string; token: string; client: Client };

describe('team lead dashboard', () => {
  let ts: TestServer;
  let org: TestOrg;
  let lead: Person;
  let ana: Person;
  let browser: ExtensionBrowser;
  let page: Page;
  const urgent = post('My card was charged twice, please help');
  const general = post('Do you ship to Canada?');
  const claimed = post('Where is my parcel? Tracking says nothing');
  const done = post('Thanks, the replacement arrived');
  const legal = post('I will see you in court');

  beforeAll(async () => {
    ts = await startTestServer();
    org = await ts.org('Acme', ['Support', 'Sales']);
    const { admin } = org;
    const hotline = await admin.departments.create.mutate({ name: 'Hotline', slaMinutes: 1 });
    const legalDept = await admin.departments.create.mutate({ name: 'Legal' });
    lead = await org.member('Lou Lead', 'lead', ['Support', 'Sales', 'Hotline']);
    ana = await org.member('Ana', 'member', ['Support']);
    await lead.client.posts.observe.mutate({ posts: [urgent, general, claimed, done, legal] });
    const route = (postKey: string, departmentId: string) =>
      admin.threads.assign.mutate({ postKey, departmentId });
    const support = org.departments.Support!.id;
    await route(urgent.key, hotline.id);
    await route(general.key, support);
    await route(claimed.key, support);
    await route(done.key, support);
    await route(legal.key, legalDept.id);
    await ana.client.claims.acquire.mutate({ postKey: claimed.key });
    const { token } = await ana.client.claims.acquire.mutate({ postKey: done.key });
    await ana.client.threads.markAnswered.mutate({ postKey: done.key, token });

    browser = await launchWithExtension();
    await signIn(browser, `http://127.0.0.1:${ts.port}`, lead.token, 'Lou Lead');
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await ts?.close();
  });

  const row = (key: string) => page.locator(`tr[data-post-key="${key}"]`);
  const thread = async (key: string) =>
    (await lead.client.posts.get.query({ postKeys: [key] }))[0]!;
  const status = () => page.getByRole('tabpanel').getByRole('status').first().textContent();

  it('shows the lead’s departments’ queue and changes rows in place', async () => {
    await expect.poll(() => row(urgent.key).count()).toBe(1);
    expect(await row(general.key).count()).toBe(1);
    expect(await row(claimed.key).textContent()).toContain('Ana is answering');
    expect(await row(legal.key).count()).toBe(0); // Legal is not Lou's department

    await row(general.key)
      .getByLabel(/^Department for/)
      .selectOption({ label: 'Sales' });
    await expect.poll(status).toBe('Routed to Sales');
    expect((await thread(general.key)).thread.departmentId).toBe(org.departments.Sales!.id);
    expect(
      await row(general.key)
        .getByLabel(/^Department for/)
        .inputValue(),
    ).toBe(org.departments.Sales!.id);

    await row(claimed.key)
      .getByRole('button', { name: /^Release Ana’s claim/ })
      .click();
    await expect.poll(() => row(claimed.key).textContent()).not.toContain('is answering');
    expect((await thread(claimed.key)).claim).toBeNull();

    await row(claimed.key)
      .getByRole('button', { name: /^Resolve/ })
      .click();
    await expect.poll(() => row(claimed.key).locator('.pill').textContent()).toBe('resolved');
    await row(claimed.key)
      .getByRole('button', { name: /^Reopen/ })
      .click();
    await expect.poll(() => row(claimed.key).locator('.pill').textContent()).toBe('open');
    expect((await thread(claimed.key)).thread.status).toBe('open');
    await screenshot(page, 'dashboard-queue');
  });

  it('adds, edits and reorders routing rules, and the test box names the rule hit', async () => {
    await page.getByRole('tab', { name: 'Rules' }).click();
    const add = async (name: string, keywords: string, to: string) => {
      const form = page.getByRole('form', { name: 'New rule' });
      await form.getByLabel('Rule name').fill(name);
      await form.getByLabel('Keywords (comma-separated)').fill(keywords);
      await form.getByLabel('Route to').selectOption({ label: to });
      await form.getByRole('button', { name: 'Add rule' }).click();
      await expect.poll(status).toBe(`Added “${name}”`);
    };
    await add('Refunds', 'refund, chargeback', 'Support');
    await add('Orders', 'order', 'Sales');

    const tester = page.getByRole('form', { name: 'Test the rules' });
    await tester.getByLabel('Sample post text').fill('I want a REFUND for my order');
    await tester.getByRole('button', { name: 'Test' }).click();
    await expect
      .poll(() => tester.getByRole('status').textContent())
      .toBe('Matches rule 1: Refunds → Support (suggests)');

    await page.getByRole('button', { name: 'Move Orders up' }).click();
    await expect.poll(status).toBe('Order saved');
    await page.getByRole('button', { name: 'Edit Orders' }).click();
    const edit = page.getByRole('form', { name: 'Edit Orders' });
    await edit.getByLabel('Rule name').fill('Orders to Sales');
    await edit.getByLabel('Mode').selectOption({ label: 'Route automatically' });
    await edit.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(status).toBe('Saved “Orders to Sales”');
    await tester.getByRole('button', { name: 'Test' }).click();
    await expect
      .poll(() => tester.getByRole('status').textContent())
      .toBe('Matches rule 1: Orders to Sales → Sales (routes)');
    await screenshot(page, 'dashboard-rules');
    const rules = await lead.client.rules.list.query();
    expect(rules.map((r) => [r.name, r.mode])).toEqual([
      ['Orders to Sales', 'auto'],
      ['Refunds', 'suggest'],
    ]);
    expect(rules[1]!.keywords).toEqual(['refund', 'chargeback']);

    // A pattern the server would refuse (RE2 runs rules in linear time) is refused here first,
    // with the server's own reason.
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Regex').fill('(\\w+) \\1');
    await expect
      .poll(() => form.getByText(/backreferences/).textContent())
      .toBe('backreferences (\\1, \\k<name>) are not supported: patterns run in linear time');
    expect(await form.getByRole('button', { name: 'Add rule' }).isDisabled()).toBe(true);
    await form.getByLabel('Regex').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-rule-regex');
    await form.getByLabel('Regex').fill('');
  });

  it('edits a department’s target and guidelines', async () => {
    await page.getByRole('tab', { name: 'Departments' }).click();
    expect(await page.getByRole('form', { name: 'Legal settings' }).count()).toBe(0);
    const form = page.getByRole('form', { name: 'Support settings' });
    await form.getByLabel('First-response target (minutes)').fill('45');
    await form.getByLabel('Do (one per line)').fill('Thank them\nGive a ticket number');
    await form.getByLabel('Don’t (one per line)').fill('Promise refunds');
    await form.getByLabel('Tone').fill('Warm and brief');
    await form.getByRole('button', { name: 'Save Support' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved');
    const support = (await lead.client.departments.list.query()).find((d) => d.name === 'Support');
    expect(support).toMatchObject({
      slaMinutes: 45,
      guidelines: {
        dos: ['Thank them', 'Give a ticket number'],
        donts: ['Promise refunds'],
        tone: 'Warm and brief',
      },
    });
    await screenshot(page, 'dashboard-departments');
  });

  it('shows the post as overdue once its one-minute target passes, and counts it', async () => {
    await page.getByRole('tab', { name: 'Queue' }).click();
    const filters = page.getByRole('group', { name: 'Queue filters' });
    await filters.getByLabel('Department').selectOption({ label: 'Hotline' });
    await filters.getByLabel('Overdue only').check();
    await expect
      .poll(
        async () => {
          // The page asks again every 30 s on its own; a filter change asks at once.
          await filters.getByLabel('Platform').selectOption({ label: 'X' });
          await filters.getByLabel('Platform').selectOption({ label: 'All platforms' });
          return row(urgent.key).count();
        },
        { timeout: 80_000, interval: 5_000 },
      )
      .toBe(1);
    expect(await row(urgent.key).getAttribute('class')).toContain('overdue');
    expect(await row(urgent.key).textContent()).toMatch(/overdue \d+m/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'dashboard-overdue');

    await page.getByRole('tab', { name: 'Metrics' }).click();
    const hotline = page.getByRole('row', { name: 'Metrics for Hotline' });
    await expect.poll(() => hotline.locator('[data-metric="overdue"]').textContent()).toBe('1');
    expect(await hotline.locator('[data-metric="open"]').textContent()).toBe('1');
    const support = page.getByRole('row', { name: 'Metrics for Support' });
    expect(await support.locator('[data-metric="open"]').textContent()).toBe('1');
    expect(await page.getByRole('row', { name: 'Metrics for Legal' }).count()).toBe(0);
    const people = page.getByRole('list', { name: 'Answered per person' });
    expect(await people.textContent()).toBe('Ana1');
    expect(await page.locator('svg.chart rect').count()).toBe(1);
    await screenshot(page, 'dashboard-metrics');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export threads (CSV)' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^postKey,platform,url,/);
    expect(csv).toContain(urgent.key);
    expect(csv).not.toContain(legal.key);
    const [events] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export events (CSV)' }).click(),
    ]);
    expect(fs.readFileSync((await events.path())!, 'utf8')).toContain('thread.answered');
  }, 120_000);
});
