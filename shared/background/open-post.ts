import { browser } from 'wxt/browser';

/** Focuses a tab already showing the post, or opens one. */
export async function openPost(url: string) {
  const tabs = await browser.tabs.query({ url: url.split('#')[0] }).catch(() => []);
  const tab = tabs[0];
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
