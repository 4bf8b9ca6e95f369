import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { xAdapter } from '../../shared/sites/x/adapter.ts';
import { startOverlay } from '../../components/overlay/start-overlay.tsx';

/** The overlay module the content script loads (scripts/content-modules.ts). */
export function start(ctx: ContentScriptContext): void {
  startOverlay(xAdapter, ctx);
}
