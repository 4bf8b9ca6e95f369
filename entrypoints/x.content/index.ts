import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadOverlay } from '../../shared/overlay/load-overlay.ts';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_start',
  main(ctx) {
    return loadOverlay('x', ctx);
  },
});
