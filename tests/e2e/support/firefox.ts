import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { SITE_CSP } from './sites.ts';

export const FIREFOX_EXTENSION_DIR =
  process.env.SWITCHBOARD_FIREFOX_EXTENSION_DIR ??
  fileURLToPath(new URL('../../../.output/firefox-mv2', import.meta.url));

/** FIREFOX_PATH, else Debian's firefox-esr; null when neither exists. */
export function findFirefox(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p) => p && fs.existsSync(p)) ?? null;
}

/** Any fixed UUID: Firefox gives the add-on this moz-extension:// host instead of a random one. */
const EXTENSION_UUID = '3f0a6c1e-5b7d-4e2a-9c84-6d1f0e2b7a59';

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://UUID */
  base: string;
  close(): Promise<void>;
}

/** Firefox over WebDriver BiDi with the built Firefox extension installed, as a temporary add-on. */
export async function launchFirefoxWithExtension(
  executablePath: string,
): Promise<FirefoxWithExtension> {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'),
  );
  const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${FIREFOX_EXTENSION_DIR}/manifest.json has no gecko id`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    defaultViewport: { width: 1100, height: 900 },
    userDataDir: profile,
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // The options page asks for the server's host on sign-in; headless, no one could allow it.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return {
    browser,
    base: `moz-extension://${EXTENSION_UUID}`,
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page. Firefox reports no load for a moz-extension:// navigation over BiDi,
 * so puppeteer's goto would wait its whole timeout: the page is ready once `ready` appears.
 */
export async function openExtensionPage(page: Page, url: string, ready: string) {
  page.goto(url).catch(() => undefined);
  await page.waitForSelector(ready);
}

/** Serves a fixture at a real site address in this tab; every other request of the site is empty. */
export async function serveFixtureInTab(page: Page, origin: string, file: string) {
  const html = fs.readFileSync(file, 'utf8');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) return void request.continue();
    if (request.isNavigationRequest())
      return void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': SITE_CSP },
        body: html,
      });
    return void request.respond({ status: 204, body: '' });
  });
}

/**
 * Types into the field with this accessible name, replacing its text. (Puppeteer's Locator.fill
 * waits on checks that never settle in Firefox over BiDi; element handles type fine.)
 */
export async function fillField(page: Page, label: string, value: string) {
  const field = await page.waitForSelector(`::-p-aria(${label})`);
  await field!.click({ count: 3 });
  await field!.type(value);
}

export async function pressButton(page: Page, name: string) {
  const button = await page.waitForSelector(`::-p-aria(${name}[role="button"])`);
  await button!.click();
}
