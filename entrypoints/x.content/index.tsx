import { defineContentScript } from 'wxt/utils/define-content-script';
import { xAdapter } from '../../shared/sites/x/adapter.ts';
import { startOverlay } from '../../components/overlay/start-overlay.tsx';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(xAdapter, ctx);
  },
});
