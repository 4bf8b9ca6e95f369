import { fakeBrowser } from '@webext-core/fake-browser';

/**
 * `wxt/browser` in the extension tests. The webextension-polyfill module (wxt.config.ts) points
 * `wxt/browser` at the polyfill, which wraps whatever `chrome` it finds at import time: the
 * code under test would then not use the same fake the tests drive.
 */
export const browser = fakeBrowser;
export default fakeBrowser;
