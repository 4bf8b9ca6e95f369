import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One project per environment. `node`: pure unit tests beside the code and the server suite
// (real server, real WebSocket, real SQLite files). `extension`: code that runs in the
// extension (background, pages), with WXT's fake browser (`wxt/browser` resolves to it),
// fake-indexeddb for Dexie, and the `ws` package as WebSocket so the background's server link
// talks to a real server started in the test. End-to-end browser tests have their own config
// (vitest.e2e.config.ts).
const extensionTests = [
  'shared/background/**/*.test.ts',
  'shared/messaging/**/*.test.ts',
  'components/{dashboard,popup,options}/**/*.test.{ts,tsx}',
];

/**
 * `wxt/browser` in the extension tests is the fake the tests drive. The webextension-polyfill
 * module (wxt.config.ts) aliases it to the polyfill, which wraps a `chrome` of its own; a
 * plugin's alias merged after WxtVitest's wins.
 */
function oneFakeBrowser(): Plugin {
  const replacement = fileURLToPath(new URL('tests/background/wxt-browser.ts', import.meta.url));
  return {
    name: 'switchboard:one-fake-browser',
    config: () => ({ resolve: { alias: [{ find: /^wxt\/browser$/, replacement }] } }),
  };
}

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            '{shared,server,components,entrypoints}/**/*.test.{ts,tsx}',
            'tests/server/**/*.test.ts',
            'tests/lint/**/*.test.ts',
          ],
          exclude: extensionTests,
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [WxtVitest(), oneFakeBrowser()],
        // WXT 0.20 bundles fake-browser 1.5, whose windows.getLastFocused answers undefined
        // instead of a promise; the project's own 2.x is the same fake, fixed. `wxt/browser`
        // is that one fake too (see tests/background/wxt-browser.ts).
        resolve: {
          alias: [
            { find: /^wxt\/testing(\/fake-browser)?$/, replacement: '@webext-core/fake-browser' },
          ],
        },
        test: {
          name: 'extension',
          include: extensionTests,
          environment: 'node',
          setupFiles: ['tests/background/setup.ts'],
        },
      },
    ],
  },
});
