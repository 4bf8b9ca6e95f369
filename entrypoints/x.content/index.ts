import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadOverlay } from '../../shared/overlay/load-overlay.ts';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    return loadOverlay('x', ctx);
  },
});
