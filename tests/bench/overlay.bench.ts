import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestServer } from '../server/harness.ts';
import { findChromium, launchWithExtension, signIn } from '../e2e/support/chromium.ts';
import { expectedKeys, sitePages } from '../e2e/support/sites.ts';

const POSTS = 1_000;

/** The X home fixture grown to 1,000 posts, each with its own status id. */
function bigTimeline(): string {
  const html = fs.readFileSync(sitePages.find((s) => s.site === 'x')!.file, 'utf8');
  const start = html.indexOf('<div data-testid="cellInnerDiv"');
  const end = html.lastIndexOf('</section>');
  const rows = html.slice(start, html.lastIndexOf('</div>\n</div>\n</section>', end));
  const ids = [...new Set(rows.match(/\d{19}/g) ?? [])];
  const perCopy = expectedKeys(sitePages.find((s) => s.site === 'x')!).length; // the ad is not one
  let out = '';
  for (let copy = 0; copy * perCopy < POSTS; copy++)
    out += ids.reduce(
      (acc, id, i) =>
        acc.split(id).join(String(1_900_000_000_000_000_000n + BigInt(copy * 100 + i))),
      rows,
    );
  return (
    html.slice(0, start) + out + html.slice(html.lastIndexOf('</div>\n</div>\n</section>', end))
  );
}

const LONG_TASKS = `window.__long = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });`;

async function measure(context: BrowserContext, html: string, waitForBadges: boolean) {
  await context.route('https://x.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html', body: html })
      : route.fulfill({ status: 204, body: '' }),
  );
  const page: Page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded', timeout: 120_000 });
  if (waitForBadges)
    await page.waitForFunction(
      (n) => document.querySelectorAll('switchboard-overlay').length >= n,
      POSTS,
      { timeout: 60_000 },
    );
  await page.waitForTimeout(3_000); // views from the server arrive and paint
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return { task, long };
}

/**
 * The overlay's cost to the page on a 1,000-post feed: main-thread task time with the extension
 * minus the same page without it, per post; and the longest task.
 */
export async function overlayBench(): Promise<Record<string, number>> {
  const html = bigTimeline();
  const ts = await startTestServer();
  const org = await ts.org('Bench', ['Support']);
  const ana = await org.member('Ana', 'member', ['Support']);
  const ext = await launchWithExtension();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-plain-'));
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    await signIn(ext, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana');
    const base = await measure(plain, html, false);
    const withExt = await measure(ext.context, html, true);
    return {
      overlay_main_thread_ms_per_post: +((withExt.task - base.task) / POSTS).toFixed(3),
      overlay_longest_task_ms: Math.round(Math.max(0, ...withExt.long)),
      overlay_long_tasks: withExt.long.length,
      page_alone_longest_task_ms: Math.round(Math.max(0, ...base.long)),
    };
  } finally {
    await ext.close();
    await plain.close();
    fs.rmSync(profile, { recursive: true, force: true });
    await ts.close();
  }
}
