import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../server/harness.ts';
import type { TestOrg, TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, serveFixture, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';
import { expectedKeys, sitePages } from './support/sites.ts';
import { act, openBadgedPage, overlayText } from './support/overlay.ts';

const x = sitePages.find((s) => s.site === 'x')!;

/** The toasts a tab shows now (sonner's toast elements inside our shadow root). */
const toasts = (page: Page) =>
  page
    .locator('switchboard-toasts [data-sonner-toast]')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

describe('alerts: toasts for a member, and a lead’s inline actions', () => {
  let ts: TestServer;
  let org: TestOrg;
  let member: ExtensionBrowser;
  let lead: ExtensionBrowser;
  let memberTabs: Page[];
  let leadPage: Page;
  let keys: string[];

  const open = (b: ExtensionBrowser) => openBadgedPage(b, x.url, keys.length);

  beforeAll(async () => {
    keys = expectedKeys(x);
    ts = await startTestServer();
    org = await ts.org('Acme', ['Support', 'Sales']);
    const ana = await org.member('Ana Lima', 'member', ['Support']);
    const lou = await org.member('Lou Lead', 'lead', ['Support', 'Sales']);
    [member, lead] = await Promise.all([launchWithExtension(), launchWithExtension()]);
    await signIn(member, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana Lima');
    await signIn(lead, `http://127.0.0.1:${ts.port}`, lou.token, 'Lou Lead');
    for (const b of [member, lead]) await serveFixture(b.context, x.route, x.file);
    // Two tabs on the site: an alert must show once per browser, not once per tab.
    memberTabs = [await open(member), await open(member)];
    await memberTabs[1]!.bringToFront();
    leadPage = await open(lead);
  });
  afterAll(async () => {
    await member?.close();
    await lead?.close();
    await ts?.close();
  });

  it('routes a post to the member’s department inline; the member gets exactly one toast', async () => {
    const key = keys[0]!;
    await act(leadPage, key, 'Assign', 'Support');
    await expect.poll(() => overlayText(memberTabs[0]!, key)).toContain('Support');
    await expect
      .poll(async () => (await Promise.all(memberTabs.map(toasts))).flat(), { timeout: 10_000 })
      .toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_500)); // a duplicate would have arrived by now
    const all = (await Promise.all(memberTabs.map(toasts))).flat();
    expect(all).toHaveLength(1);
    expect(all[0]).toContain('New in Support');
    await screenshot(memberTabs[1]!, 'alert-toast-routed');
  });

  it('shows the department’s guidelines on claiming, and tells the member when a lead overrides the claim', async () => {
    const key = keys[1]!;
    await org.admin.departments.update.mutate({
      id: org.departments.Support!.id,
      guidelines: { dos: ['Thank them first'], donts: ['Promise refunds'], tone: 'Warm' },
    });
    await act(leadPage, key, 'Assign', 'Support');
    const tab = memberTabs[1]!;
    await expect.poll(() => overlayText(tab, key)).toContain('Support');
    await act(tab, key, 'Claim');
    await expect.poll(() => overlayText(tab, key)).toContain('You are answering');
    await expect
      .poll(async () => (await toasts(tab)).join(' '))
      .toMatch(/Support guidelines.*Tone: Warm.*Do: Thank them first.*Don’t: Promise refunds/);
    await tab.waitForTimeout(600); // let the toasts settle for the picture
    await screenshot(tab, 'alert-toast-guidelines');
    await expect.poll(() => overlayText(leadPage, key)).toContain('Ana Lima is answering');
    await act(leadPage, key, 'Override');
    await expect.poll(() => overlayText(tab, key)).not.toContain('You are answering');
    await expect
      .poll(async () => (await toasts(tab)).join(' '), { timeout: 10_000 })
      .toContain('A lead released your claim');
    await screenshot(tab, 'alert-toast-override');
  });
});
