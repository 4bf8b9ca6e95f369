import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** What each site's overlay module exports (entrypoints/<site>.content/overlay.ts). */
export interface OverlayModule {
  start(ctx: ContentScriptContext): void;
}

/**
 * A site's content script: import its overlay module from the package and start it (see
 * scripts/content-modules.ts for why the overlay is an ES module). The address is fixed here,
 * never taken from the page. If the import fails (the extension was updated or removed under a
 * running page) the page is left as it is, with one line in the console saying why.
 */
export async function loadOverlay(
  site: 'x' | 'linkedin' | 'facebook',
  ctx: ContentScriptContext,
): Promise<void> {
  try {
    const url = browser.runtime.getURL(`/content-scripts/esm/${site}.js`);
    const overlay = (await import(/* @vite-ignore */ url)) as OverlayModule;
    if (!ctx.isInvalid) overlay.start(ctx);
  } catch (error) {
    console.warn(`[Switchboard] the overlay for ${site} could not be loaded`, error);
  }
}
