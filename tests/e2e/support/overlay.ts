import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium.ts';

export const overlayOf = (page: Page, key: string) =>
  page.locator(`switchboard-overlay[data-post-key="${key}"]`);

export async function overlayText(page: Page, key: string): Promise<string> {
  return (
    (await overlayOf(page, key)
      .textContent({ timeout: 2_000 })
      .catch(() => '')) ?? ''
  );
}

/** Opens the Actions menu of a post and presses one of its buttons. */
export async function act(page: Page, key: string, ...names: string[]) {
  const overlay = overlayOf(page, key);
  await overlay.getByRole('button', { name: 'Actions' }).click();
  for (const name of names) await overlay.getByRole('button', { name, exact: true }).click();
}

/** The background's stored event cursor, read from IndexedDB in an extension page. */
export async function storedCursor(b: ExtensionBrowser): Promise<string | null> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  const cursor = await page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('switchboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('cursor');
          get.onsuccess = () =>
            resolve((get.result as { value?: string } | undefined)?.value ?? null);
          get.onerror = () => reject(get.error);
        };
      }),
  );
  await page.close();
  return cursor;
}

/** A new tab on the site's page, once every post on it has its badge. */
export async function openBadgedPage(b: ExtensionBrowser, url: string, posts: number) {
  const page = await b.context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    (n) => document.querySelectorAll('switchboard-overlay').length === n,
    posts,
  );
  return page;
}
