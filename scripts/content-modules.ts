import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Rollup } from 'vite';

/**
 * The overlay as ES modules (issue 15: the content script under 80 KB gzipped per site).
 *
 * WXT bundles each content script into one classic script, which cannot load anything later, so
 * everything the overlay might ever show (menus, thread panel, toasts, the reply-box guard) was
 * parsed on every page. Here the three sites' overlays are built as ES modules with shared
 * chunks; each site's content script is a loader that imports its module from the package
 * (shared/overlay/load-overlay.ts), and a part used only on demand is a dynamic import, fetched
 * the first time a person opens it. The modules are web-accessible to the three sites only (a
 * content script's import is fetched for the page's origin). The cost: those sites' pages can
 * tell that Chrome has Switchboard installed, by loading one of the modules from its fixed address
 * (Firefox's addresses are random per installation). They hold no data, only the overlay's code.
 */
export const MODULES_DIR = 'content-scripts/esm';
export const SITE_MODULES = {
  x: 'entrypoints/x.content/overlay.ts',
  linkedin: 'entrypoints/linkedin.content/overlay.ts',
  facebook: 'entrypoints/facebook.content/overlay.ts',
} as const;

/**
 * Library mode keeps pure-call marks (`@__PURE__` comments) in ES output for a later bundler's
 * tree-shaking; these modules are the last build step, loaded as they are, and the marks cost
 * 0.2 KB gzipped per site. Removed once every other plugin is done (not with source maps, whose
 * columns would shift).
 */
const PURE_MARK = /\/\* @__PURE__ \*\/ ?/g;
const stripPureMarks: Rollup.Plugin = {
  name: 'switchboard:strip-pure-marks',
  generateBundle(_options, bundle) {
    if (process.env.SB_SOURCEMAP) return;
    for (const file of Object.values(bundle))
      if (file.type === 'chunk') file.code = file.code.replace(PURE_MARK, '');
  },
};

interface BuildTarget {
  root: string;
  outDir: string;
  onwarn(warning: Rollup.RollupLog, warn: (w: Rollup.RollupLog) => void): void;
}

export async function buildContentModules({ root, outDir, onwarn }: BuildTarget): Promise<void> {
  await build({
    configFile: false,
    root,
    mode: 'production',
    publicDir: false,
    logLevel: 'warn',
    plugins: [react()],
    // Library mode (below) leaves process.env alone; React picks its build from it.
    define: { 'process.env.NODE_ENV': '"production"' },
    // React's scheduler built on the browser's own (scheduler.postTask, and scheduler.yield
    // between slices of a render): the page's tasks and ours share one prioritised queue, and it
    // is 1 KB gzipped smaller than the MessageChannel loop it replaces. Chrome 94 and Firefox 142
    // have it (the manifest's minimum versions).
    resolve: { alias: [{ find: /^scheduler$/, replacement: 'scheduler/unstable_post_task' }] },
    build: {
      // Library mode: modules for another runtime, not an HTML page, so no preload helper
      // around each import() (0.3 KB gzipped, and it announced failures on the page's window).
      lib: {
        entry: Object.fromEntries(
          Object.entries(SITE_MODULES).map(([site, file]) => [site, path.join(root, file)]),
        ),
        formats: ['es'],
      },
      outDir: path.join(outDir, MODULES_DIR),
      emptyOutDir: true,
      // SB_SOURCEMAP=1: source maps beside the modules, to see what a chunk holds (not shipped).
      sourcemap: !!process.env.SB_SOURCEMAP,
      // Terser's extra passes take ~2 KB gzipped more off than esbuild's minifier (issue 15).
      minify: process.env.SB_NO_MINIFY ? false : 'terser',
      terserOptions: { module: true, compress: { passes: 3 } },
      rollupOptions: {
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
        // The loaders call each module's start(); without this Rollup may drop the export.
        preserveEntrySignatures: 'exports-only',
        onwarn,
        plugins: [stripPureMarks],
      },
    },
  });
}

/**
 * The manifest entry that lets the three sites' content scripts import the modules. Not
 * use_dynamic_url: Chrome loads the module from its per-session address but resolves the
 * module's own imports (its chunks) against the extension's fixed address, and then refuses them.
 */
export function moduleResources(matches: string[]) {
  return { resources: [`${MODULES_DIR}/*`], matches: [...matches].sort() };
}
