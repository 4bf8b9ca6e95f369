import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { facebookAdapter } from '../../shared/sites/facebook/adapter.ts';
import { startOverlay } from '../../components/overlay/start-overlay.tsx';

/** The overlay module the content script loads (scripts/content-modules.ts). */
export function start(ctx: ContentScriptContext): void {
  startOverlay(facebookAdapter, ctx);
}
