import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadOverlay } from '../../shared/overlay/load-overlay.ts';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_start',
  main(ctx) {
    return loadOverlay('facebook', ctx);
  },
});
