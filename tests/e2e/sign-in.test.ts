import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/harness.ts';
import type { TestServer } from '../server/harness.ts';
import { grantHostAccess, launchWithExtension, screenshot, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';

describe('options page sign-in', () => {
  let ts: TestServer;
  let browser: ExtensionBrowser;
  let ana: { token: string };

  beforeAll(async () => {
    ts = await startTestServer();
    const org = await ts.org('Acme', ['Support', 'Sales']);
    ana = await org.member('Ana Lima', 'member', ['Support']);
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await ts?.close();
  });

  it('refuses a wrong token and an unreachable server with a clear message', async () => {
    await grantHostAccess(browser, `http://127.0.0.1:${ts.port}`);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByLabel('Server URL').fill(`http://127.0.0.1:${ts.port}`);
    await page.getByLabel('Sign-in token').fill('sb_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('refused this sign-in token');
    await page.getByLabel('Server URL').fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Could not reach');
    await page.close();
  });

  it('signs in and shows the member’s name, departments and role', async () => {
    const page = await signIn(browser, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana Lima');
    const card = page.getByRole('region', { name: 'Signed in' });
    await expect.poll(() => card.textContent()).toContain('Support');
    expect(await card.textContent()).toContain('(member)');
    await expect.poll(() => card.textContent()).toContain('Connected');
    await screenshot(page, 'options-signed-in');
  });
});
