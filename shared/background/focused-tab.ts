import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import type { TabHub } from './tab-hub.ts';

/** The port of the tab the user is looking at, when its window has focus and it shows a social site. */
export async function focusedPort(tabs: TabHub): Promise<Browser.runtime.Port | null> {
  const win = await browser.windows.getLastFocused().catch(() => null);
  if (!win?.focused) return null;
  const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
  return tab?.id === undefined ? null : tabs.portOfTab(tab.id);
}
