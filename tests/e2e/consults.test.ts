import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../server/harness.ts';
import type { Client, TestOrg, TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, serveFixture, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';
import { expectedKeys, sitePages } from './support/sites.ts';
import { act, openBadgedPage, overlayOf, overlayText } from './support/overlay.ts';

const x = sitePages.find((s) => s.site === 'x')!;

/** The toasts a tab shows now (sonner's toast elements inside our shadow root). */
const toasts = (page: Page) =>
  page
    .locator('switchboard-toasts [data-sonner-toast]')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

/** The post's thread panel (a dialog in its shadow root), opened with its "Notes" button. */
async function openPanel(page: Page, key: string) {
  const overlay = overlayOf(page, key);
  await overlay.getByRole('button', { name: /^Notes/ }).click();
  const panel = overlay.getByRole('dialog', { name: 'Notes and timeline' });
  await panel.getByRole('list', { name: 'Timeline' }).waitFor();
  return panel;
}

async function popupText(b: ExtensionBrowser) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await page.getByText('Open in my departments').waitFor();
  await page.waitForTimeout(300);
  const text = (await page.textContent('body')) ?? '';
  await page.close();
  return text;
}

describe('a consult on the post itself, between two departments in two browsers', () => {
  let ts: TestServer;
  let org: TestOrg;
  let ana: { id: string; token: string; client: Client };
  let gil: { id: string; token: string; client: Client };
  let support: ExtensionBrowser;
  let legal: ExtensionBrowser;
  let anaPage: Page;
  let gilPage: Page;
  let key: string;

  beforeAll(async () => {
    const keys = expectedKeys(x);
    key = keys[0]!;
    ts = await startTestServer();
    org = await ts.org('Acme', ['Support', 'Legal']);
    ana = await org.member('Ana Lima', 'member', ['Support']);
    gil = await org.member('Gil Moreau', 'member', ['Legal']);
    [support, legal] = await Promise.all([launchWithExtension(), launchWithExtension()]);
    await signIn(support, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana Lima');
    await signIn(legal, `http://127.0.0.1:${ts.port}`, gil.token, 'Gil Moreau');
    for (const b of [support, legal]) await serveFixture(b.context, x.route, x.file);
    anaPage = await openBadgedPage(support, x.url, keys.length);
    gilPage = await openBadgedPage(legal, x.url, keys.length);
    await org.admin.threads.assign.mutate({
      postKey: key,
      departmentId: org.departments.Support!.id,
    });
    await anaPage.waitForFunction(
      (k) =>
        document
          .querySelector(`switchboard-overlay[data-post-key="${k}"]`)
          ?.textContent?.includes('Support'),
      key,
    );
  });
  afterAll(async () => {
    await support?.close();
    await legal?.close();
    await ts?.close();
  });

  it('Support asks Legal with a note; Legal is told once and sees it on the same post', async () => {
    await act(anaPage, key, 'Claim');
    await expect.poll(() => overlayText(anaPage, key)).toContain('You are answering');
    await gilPage.bringToFront();

    const panel = await openPanel(anaPage, key);
    await panel
      .getByLabel('Add note')
      .fill('#Legal may we refund this customer without a receipt?');
    await expect.poll(() => panel.textContent()).toContain('Asks Legal');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await expect
      .poll(() => panel.getByRole('list', { name: 'Internal notes' }).textContent())
      .toContain('may we refund this customer');
    // The owner keeps the claim and the department; the badge waits on Legal.
    await expect.poll(() => overlayText(anaPage, key)).toMatch(/Waiting on Legal · \d+m/);
    expect(await overlayText(anaPage, key)).toContain('You are answering');
    expect(await overlayText(anaPage, key)).toContain('Support');
    await expect.poll(() => overlayText(gilPage, key)).toContain('Waiting on Legal');
    expect(await overlayText(gilPage, key)).toContain('Ana Lima is answering');

    await expect.poll(() => toasts(gilPage), { timeout: 10_000 }).toHaveLength(1);
    await gilPage.waitForTimeout(1_500); // a duplicate would have arrived by now
    const told = await toasts(gilPage);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Ana Lima asks Legal');
    expect(told[0]).toContain('may we refund this customer');
    expect((await toasts(anaPage)).join(' ')).not.toContain('asks Legal');

    expect(await popupText(support)).toContain('Waiting on Legal');
    expect(await popupText(legal)).toMatch(/Asked of my departments[\s\S]*Waiting on Legal/);
    await screenshot(gilPage, 'consult-legal-toast');
  });

  it('Legal answers in the panel; Support is told, sees the answer, and the wait clears', async () => {
    const panel = await openPanel(gilPage, key);
    await expect
      .poll(() => panel.getByRole('list', { name: 'Internal notes' }).textContent())
      .toContain('#Legal may we refund this customer without a receipt?');
    await expect
      .poll(() => panel.getByRole('list', { name: 'Waiting on' }).textContent())
      .toContain('asked by Ana Lima');
    await gilPage.waitForTimeout(300);
    await screenshot(gilPage, 'consult-panel-open');

    await anaPage.bringToFront();
    await panel.getByRole('button', { name: 'Reply to consult' }).click();
    await panel
      .getByLabel('Reply to Legal’s consult')
      .fill('Yes, up to $50 as store credit. @Ana Lima please keep the chat log.');
    await panel.getByRole('button', { name: 'Send reply' }).click();

    await expect.poll(() => overlayText(gilPage, key)).not.toContain('Waiting on Legal');
    await expect
      .poll(() => toasts(anaPage), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Legal answered (Gil Moreau)')]);
    expect((await toasts(anaPage))[0]).toContain('up to $50 as store credit');
    await expect.poll(() => overlayText(anaPage, key)).not.toContain('Waiting on Legal');
    expect(await overlayText(anaPage, key)).toContain('You are answering');

    // Ana's panel is still open: it shows the answer as it arrives.
    const anaPanel = overlayOf(anaPage, key).getByRole('dialog', { name: 'Notes and timeline' });
    await expect
      .poll(() => anaPanel.getByRole('list', { name: 'Internal notes' }).textContent())
      .toContain('Yes, up to $50 as store credit.');
    expect(await overlayText(anaPage, key)).toMatch(/Notes 2/);
    const timeline = await anaPanel.getByRole('list', { name: 'Timeline' }).textContent();
    for (const step of [
      'First seen by Ana Lima',
      'Routed to Support by Acme Admin',
      'Claimed by Ana Lima',
      'Ana Lima asked Legal',
      'Gil Moreau answered for Legal',
    ])
      expect(timeline).toContain(step);
    await anaPage.waitForTimeout(300);
    await screenshot(anaPage, 'consult-panel-answered');

    expect(await popupText(support)).not.toContain('Waiting on Legal');
    expect(await popupText(legal)).not.toContain('Waiting on Legal');
  });

  it('works from the keyboard: Escape closes the panel back onto "Notes", Enter opens it', async () => {
    const overlay = overlayOf(anaPage, key);
    const dialog = overlay.getByRole('dialog', { name: 'Notes and timeline' });
    await dialog.getByLabel('Add note').press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    const focused = () =>
      anaPage.evaluate(
        (k) =>
          document.querySelector(`switchboard-overlay[data-post-key="${k}"]`)?.shadowRoot
            ?.activeElement?.textContent ?? '',
        key,
      );
    expect(await focused()).toMatch(/^Notes/);
    await anaPage.keyboard.press('Enter');
    await dialog.getByRole('list', { name: 'Timeline' }).waitFor();
    expect(await focused()).not.toMatch(/^Notes/); // focus moved into the panel
  });
});
