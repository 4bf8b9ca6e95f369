import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadOverlay } from '../../shared/overlay/load-overlay.ts';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_start',
  main(ctx) {
    return loadOverlay('linkedin', ctx);
  },
});
