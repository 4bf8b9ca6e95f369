import { defineConfig } from 'wxt';
import type { Rollup } from 'vite';
import {
  buildContentModules,
  MODULES_DIR,
  moduleResources,
  SITE_MODULES,
} from './scripts/content-modules.ts';

/** Fixed, so Firefox keeps the extension's storage across updates and tests know its address. */
export const GECKO_ID = 'switchboard@team-routing';
const SERVER_ORIGINS = ['https://*/*', 'http://*/*'];

/**
 * zod 4 ships comments Rollup cannot place ("contains an annotation that Rollup cannot
 * interpret"): harmless, printed twice per bundle, and they buried everything else a build says.
 */
function onwarn(warning: Rollup.RollupLog, warn: (w: Rollup.RollupLog) => void) {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
  warn(warning);
}

// Extension manifest and build. Site origins are fixed (the content scripts' matches); the sync
// server's origin is asked for at sign-in (optional_host_permissions), a server on this machine
// (127.0.0.1, localhost) like any other, so the extension holds no access it does not use: not
// even to local services it never talks to. tests/e2e/extension-package.test.ts holds the built
// manifests to exactly this.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Switchboard',
    description:
      'Team routing on X, LinkedIn and Facebook: who owns this post, who is answering it.',
    permissions: ['storage', 'notifications', 'alarms'],
    optional_host_permissions: SERVER_ORIGINS,
    // scheduler.postTask, which the overlay's React schedules with (scripts/content-modules.ts).
    ...(browser !== 'firefox' && { minimum_chrome_version: '94' }),
    // MV2 (the Firefox build) has no optional_host_permissions, and WXT drops the key there.
    ...(manifestVersion === 2 && { optional_permissions: SERVER_ORIGINS }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // The first release with scheduler.postTask, which the overlay's React schedules with
          // (scripts/content-modules.ts); data_collection_permissions are read from 140.
          strict_min_version: '142.0',
          // Sent to the organisation's own server, never elsewhere: the posts on screen (text,
          // author, address: website content) and what the member does with them (claims,
          // answers: website activity).
          data_collection_permissions: { required: ['websiteContent', 'websiteActivity'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  vite: () => ({ build: { rollupOptions: { onwarn } } }),
  hooks: {
    // The content scripts use only runtime.connect and its port, the same natively in both
    // browsers, so they take WXT's plain `browser` (chrome in Chrome, browser in Firefox) rather
    // than webextension-polyfill, which the background and pages keep (a promise returned from
    // onMessage): about 2.7 KB gzipped less on every page of the sites (issue 15).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
      // The loaders are on every page of the sites too: terser takes 0.14 KB gzipped more off.
      config.build = {
        ...config.build,
        minify: 'terser',
        terserOptions: { compress: { passes: 2 } },
      };
    },
    // The overlay itself is built as ES modules that the content scripts import (issue 15;
    // scripts/content-modules.ts): after WXT's own build, before `wxt zip` packs the output.
    async 'build:done'(wxt) {
      await buildContentModules({ root: wxt.config.root, outDir: wxt.config.outDir, onwarn });
    },
    'build:manifestGenerated'(_wxt, manifest) {
      const sites = (manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []);
      manifest.web_accessible_resources = [moduleResources(sites)] as never;
    },
    'prepare:publicPaths'(_wxt, paths) {
      for (const site of Object.keys(SITE_MODULES)) paths.push(`${MODULES_DIR}/${site}.js`);
    },
  },
  // `npm run zip`: the Firefox package comes with the sources its reviewers rebuild it from
  // (README: npm ci && npm run build:firefox); local databases, pictures and tests stay out.
  zip: { excludeSources: ['data/**', 'demo-output/**', 'tests/**'] },
});
