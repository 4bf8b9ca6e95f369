import { defineContentScript } from 'wxt/utils/define-content-script';
import { linkedinAdapter } from '../../shared/sites/linkedin/adapter.ts';
import { startOverlay } from '../../components/overlay/start-overlay.tsx';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(linkedinAdapter, ctx);
  },
});
