import { defineContentScript } from 'wxt/utils/define-content-script';
import { facebookAdapter } from '../../shared/sites/facebook/adapter.ts';
import { startOverlay } from '../../components/overlay/start-overlay.tsx';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(facebookAdapter, ctx);
  },
});
