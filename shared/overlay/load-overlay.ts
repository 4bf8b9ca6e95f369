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
 *
 * The content scripts run at document_start so that the module is fetched while the page is
 * parsed, and the overlay starts when the document is (DOMContentLoaded): the posts the page
 * came with get their hosts before its first full layout, not after it. Started after the
 * module's import at document_idle instead, the 1,000-post page laid out and pre-painted all of
 * its posts again for the hosts (one task of 320-640 ms); started during parsing, each parser
 * chunk's posts took a layout pass of their own (20 long tasks).
 */
export async function loadOverlay(
  site: 'x' | 'linkedin' | 'facebook',
  ctx: ContentScriptContext,
): Promise<void> {
  try {
    const url = browser.runtime.getURL(`/content-scripts/esm/${site}.js`);
    const overlay = (await import(/* @vite-ignore */ url)) as OverlayModule;
    if (document.readyState === 'loading')
      await new Promise((ready) =>
        document.addEventListener('DOMContentLoaded', ready, { once: true }),
      );
    if (!ctx.isInvalid) overlay.start(ctx);
  } catch (error) {
    console.warn(`[Switchboard] the overlay for ${site} could not be loaded`, error);
  }
}
