import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { SITE_CSP } from './sites.ts';

export const EXTENSION_DIR =
  process.env.SWITCHBOARD_EXTENSION_DIR ??
  fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../../artifacts', import.meta.url));

/** CHROME_PATH, else Playwright's own Chromium, else Debian's; says plainly when none exists. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROME_PATH,
    safe(() => chromium.executablePath()),
    '/usr/bin/chromium',
  ];
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found for the end-to-end tests: set CHROME_PATH or install Debian’s chromium (apt-get install -y chromium).',
    );
  return found;
}

function safe(fn: () => string): string | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** A window a person can see (the demo with a display); tests run headless. */
  headless?: boolean;
  /** Extra Chromium switches, e.g. the window's place on screen. */
  args?: string[];
  /** null: the page takes the window's size. */
  viewport?: { width: number; height: number } | null;
  /**
   * false: Ctrl+C and SIGTERM are the caller's to handle (Playwright would otherwise kill the
   * browser and end the process before the caller cleans up).
   */
  closeOnSignals?: boolean;
}

/** A fresh profile with the built extension loaded, as a user would have it. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`The extension is not built at ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    handleSIGINT: options.closeOnSignals ?? true,
    handleSIGTERM: options.closeOnSignals ?? true,
    handleSIGHUP: options.closeOnSignals ?? true,
    viewport: options.viewport === undefined ? { width: 1100, height: 900 } : options.viewport,
    args: [
      ...(options.args ?? []),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Lets the extension reach the server's host, as a person does in chrome://extensions ("Site
 * access": add the site) or by allowing the prompt the options page raises on sign-in. The
 * manifest asks for no server up front (only optional_host_permissions), and a headless browser
 * shows that prompt to no one: the grant goes through the extensions page's own API instead.
 */
export async function grantHostAccess(b: ExtensionBrowser, serverUrl: string) {
  const { protocol, hostname } = new URL(serverUrl);
  const page = await b.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, origin]) =>
      (
        globalThis as unknown as {
          chrome: {
            developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
          };
        }
      ).chrome.developerPrivate.addHostPermission(id!, origin!),
    [b.extensionId, `${protocol}//${hostname}/*`],
  );
  await page.close();
}

/** Signs in through the options page, as a person would who allowed the server's host. */
export async function signIn(b: ExtensionBrowser, serverUrl: string, token: string, name: string) {
  await grantHostAccess(b, serverUrl);
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByLabel('Server URL').fill(serverUrl);
  await page.getByLabel('Sign-in token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('member-name').filter({ hasText: name }).waitFor();
  return page;
}

/** Serves a fixture file at a real site URL: content scripts run on it as on the site. */
export async function serveFixture(context: BrowserContext, urlPattern: string, file: string) {
  const html = fs.readFileSync(file, 'utf8');
  await context.route(urlPattern, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': SITE_CSP },
          body: html,
        })
      : route.fulfill({ status: 204, body: '' }),
  );
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/**
 * Stops the extension's service worker as Chrome does when it is idle (DevTools protocol, from an
 * extension page, which sees the extension's workers). Resolves once it is stopped; `woken`
 * resolves when a new one runs again.
 */
export async function stopServiceWorker(b: ExtensionBrowser) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  const cdp = await b.context.newCDPSession(page);
  const status = new Map<string, string>();
  const waiters: { want: string; resolve(): void }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      status.set(v.versionId, v.runningStatus);
      for (const w of waiters.filter((x) => x.want === v.runningStatus)) w.resolve();
    }
  });
  const when = (want: string) => new Promise<void>((resolve) => waiters.push({ want, resolve }));
  await cdp.send('ServiceWorker.enable');
  const runningVersion = () => [...status].find(([, s]) => s === 'running')?.[0];
  for (let i = 0; i < 40 && !runningVersion(); i++) await new Promise((r) => setTimeout(r, 50));
  const running = runningVersion();
  if (!running) throw new Error('the extension’s service worker is not running');
  const stopped = when('stopped');
  await cdp.send('ServiceWorker.stopWorker', { versionId: running });
  await stopped;
  const woken = when('running');
  // Closing the page now would itself wake nothing; it stays open to watch the worker return.
  return { woken, close: () => page.close() };
}
