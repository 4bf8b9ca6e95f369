import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../server/harness.ts';
import type { TestServer } from '../server/harness.ts';
import { launchWithExtension, screenshot, serveFixture, signIn } from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';
import { overlayOf } from './support/overlay.ts';
import { expectedKeys, sitePages } from './support/sites.ts';

const x = sitePages.find((s) => s.site === 'x')!;

/** The Actions button's and the open menu's boxes, in viewport pixels. */
async function openMenu(page: Page, key: string) {
  const overlay = overlayOf(page, key);
  const button = overlay.getByRole('button', { name: 'Actions' });
  await button.click();
  const menu = overlay.locator('.sb-menu');
  await menu.getByRole('button', { name: 'Claim', exact: true }).waitFor();
  // floating-ui places the menu after it opens; wait until its box stops moving.
  await page.waitForTimeout(100);
  return { button: (await button.boundingBox())!, menu: (await menu.boundingBox())! };
}

describe('actions menu placement', () => {
  let ts: TestServer;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    ts = await startTestServer();
    const org = await ts.org('Acme', ['Support']);
    const ana = await org.member('Ana Lima', 'member', ['Support']);
    browser = await launchWithExtension();
    await signIn(browser, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana Lima');
    await serveFixture(browser.context, x.route, x.file);
  });
  afterAll(async () => {
    await browser?.close();
    await ts?.close();
  });

  it('opens below the button, right-aligned, above it near the bottom, always inside the window', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(x.url);
    const [first] = expectedKeys(x);
    await overlayOf(page, first!).getByRole('button', { name: 'Actions' }).waitFor();

    const { button, menu } = await openMenu(page, first!);
    expect(menu.y).toBeGreaterThanOrEqual(button.y + button.height);
    expect(menu.y - (button.y + button.height)).toBeLessThanOrEqual(8);
    expect(Math.abs(menu.x + menu.width - (button.x + button.width))).toBeLessThanOrEqual(1);
    await screenshot(page, 'overlay-menu-below');
    await page.keyboard.press('Escape');

    const last = expectedKeys(x).at(-1);
    // Scroll a lower post's button to the bottom edge: the menu no longer fits below it.
    await overlayOf(page, last!)
      .getByRole('button', { name: 'Actions' })
      .evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 12));
    const near = await openMenu(page, last!);
    expect(near.button.y + near.button.height).toBeGreaterThan(800 - 40);
    expect(near.menu.y + near.menu.height).toBeLessThanOrEqual(near.button.y);
    expect(near.menu.y).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'overlay-menu-above');

    // It follows its button when the page scrolls under it.
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(300);
    const after = await overlayOf(page, last!)
      .getByRole('button', { name: 'Actions' })
      .boundingBox();
    const moved = await overlayOf(page, last!).locator('.sb-menu').boundingBox();
    expect(Math.abs(moved!.x + moved!.width - (after!.x + after!.width))).toBeLessThanOrEqual(1);
    expect(
      Math.min(
        Math.abs(moved!.y - (after!.y + after!.height)),
        Math.abs(after!.y - (moved!.y + moved!.height)),
      ),
    ).toBeLessThanOrEqual(8);
    await page.close();
  });
});
