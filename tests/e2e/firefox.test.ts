import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../server/harness.ts';
import { ARTIFACTS } from './support/chromium.ts';
import type { Client, TestServer } from '../server/harness.ts';
import {
  findFirefox,
  launchFirefoxWithExtension,
  fillField,
  openExtensionPage,
  pressButton,
  serveFixtureInTab,
} from './support/firefox.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { expectedKeys, inlineScriptRefused, sitePages } from './support/sites.ts';

const firefox = findFirefox();
if (!firefox)
  console.warn(
    'Firefox smoke test SKIPPED: no Firefox found (install Debian’s: apt-get install -y firefox-esr, or set FIREFOX_PATH).',
  );
const x = sitePages.find((s) => s.site === 'x')!;

// The Firefox build (.output/firefox-mv2) in Firefox itself: installed, signed in through its
// options page, badging a post on X and claiming it on the real server.
describe.skipIf(!firefox)('Firefox: the extension signs in, badges X and claims', () => {
  let ts: TestServer;
  let ana: { id: string; token: string; client: Client };
  let ff: FirefoxWithExtension;
  let tab: Page;
  const keys = expectedKeys(x);

  beforeAll(async () => {
    ts = await startTestServer();
    const org = await ts.org('Acme', ['Support']);
    ana = await org.member('Ana Lima', 'member', ['Support']);
    ff = await launchFirefoxWithExtension(firefox!);
  });
  afterAll(async () => {
    await ff?.close();
    await ts?.close();
  });

  it('signs in through the options page', async () => {
    const options = await ff.browser.newPage();
    await openExtensionPage(options, `${ff.base}/options.html`, '::-p-aria(Server URL)');
    await fillField(options, 'Server URL', `http://127.0.0.1:${ts.port}`);
    await fillField(options, 'Sign-in token', ana.token);
    await pressButton(options, 'Sign in');
    const name = await options.waitForSelector('[data-testid="member-name"]', { timeout: 20_000 });
    expect(await name!.evaluate((el) => el.textContent)).toBe('Ana Lima');
  });

  it('badges every post of the X timeline and claims one on the server', async () => {
    tab = await ff.browser.newPage();
    await serveFixtureInTab(tab, 'https://x.com/', x.file);
    await tab.goto(x.url);
    await tab.waitForFunction(
      (n) => document.querySelectorAll('switchboard-overlay').length === n,
      { timeout: 20_000 },
      keys.length,
    );
    expect(await tab.evaluate(inlineScriptRefused)).toBe(true); // the site's script policy holds
    const key = keys[0]!;
    const host = `switchboard-overlay[data-post-key="${key}"]`;
    await tab.waitForFunction(
      (sel) => /Unrouted|Open/.test(document.querySelector(sel)?.shadowRoot?.textContent ?? ''),
      { timeout: 20_000 },
      host,
    );
    for (const name of ['Actions', 'Claim'])
      await (await tab.waitForSelector(`${host} >>> ::-p-aria(${name}[role="button"])`))!.click();
    await expect
      .poll(
        async () => (await ana.client.posts.get.query({ postKeys: [key] }))[0]?.claim?.holderId,
        { timeout: 15_000 },
      )
      .toBe(ana.id);
    await tab.waitForFunction(
      (sel) => document.querySelector(sel)?.shadowRoot?.textContent?.includes('You are answering'),
      { timeout: 10_000 },
      host,
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await tab.screenshot({ path: path.join(ARTIFACTS, 'firefox-x-claimed.png') });
  });
});
