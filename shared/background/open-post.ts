import { browser } from 'wxt/browser';
import { isPostAddress } from '../domain/post-url.ts';

/** Focuses a tab already showing the post, or opens one (only ever a post's https: address). */
export async function openPost(url: string) {
  if (!isPostAddress(url)) return;
  const tabs = await browser.tabs.query({ url: url.split('#')[0] }).catch(() => []);
  const tab = tabs[0];
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
