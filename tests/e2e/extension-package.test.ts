import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './support/chromium.ts';
import { siteScripts } from './support/content-modules.ts';
import { FIREFOX_EXTENSION_DIR } from './support/firefox.ts';

/**
 * What the built extension asks for and what it runs, read from the packages themselves (the
 * output of `wxt build` and `wxt build -b firefox`): the three sites, the server a person signs
 * in to (asked for then, never up front), storage, notifications and alarms; and only code it
 * ships: no eval, no Function constructor, no script from anywhere else.
 */
const SITES = [
  'https://web.facebook.com/*',
  'https://www.facebook.com/*',
  'https://www.linkedin.com/*',
  'https://twitter.com/*',
  'https://x.com/*',
];
const SERVER_ORIGINS = ['https://*/*', 'http://*/*'];
const API_PERMISSIONS = ['storage', 'notifications', 'alarms'];

const manifestOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const builds = [
  { name: 'Chrome (MV3)', dir: EXTENSION_DIR },
  { name: 'Firefox (MV2)', dir: FIREFOX_EXTENSION_DIR },
].filter((b) => fs.existsSync(path.join(b.dir, 'manifest.json')));

describe('the extension package', () => {
  it('is built for both browsers', () => {
    expect(builds.map((b) => b.name)).toEqual(['Chrome (MV3)', 'Firefox (MV2)']);
  });

  it('asks for the three sites, the server when signing in, storage, notifications, alarms', () => {
    const chrome = manifestOf(EXTENSION_DIR);
    expect(chrome.permissions).toEqual(API_PERMISSIONS);
    expect(chrome.host_permissions).toBeUndefined();
    expect(chrome.optional_host_permissions).toEqual(SERVER_ORIGINS);
    expect(chrome.optional_permissions).toBeUndefined();
    const firefox = manifestOf(FIREFOX_EXTENSION_DIR);
    // MV2 lists host permissions among the permissions: none there but the APIs.
    expect(firefox.permissions).toEqual(API_PERMISSIONS);
    expect(firefox.optional_permissions).toEqual(SERVER_ORIGINS);
    for (const manifest of [chrome, firefox]) {
      const scripts = manifest.content_scripts as {
        matches: string[];
        js: string[];
        run_at: string;
      }[];
      expect(scripts.flatMap((s) => s.matches).sort()).toEqual([...SITES].sort());
      // Loaded while the page is parsed, started when it is (shared/overlay/load-overlay.ts).
      expect(new Set(scripts.map((s) => s.run_at))).toEqual(new Set(['document_start']));
      // Nothing else reaches into the extension or widens what it may load.
      for (const key of [
        'externally_connectable',
        'content_security_policy',
        'sandbox',
        'update_url',
        'key',
      ])
        expect(manifest[key], key).toBeUndefined();
    }
    // The overlay's modules, which the content scripts import (scripts/content-modules.ts): to
    // the three sites only in Chrome; Firefox's MV2 list has no sites, its addresses are random
    // per installation. The folder holds only those modules.
    expect(chrome.web_accessible_resources).toEqual([
      { resources: ['content-scripts/esm/*'], matches: [...SITES].sort() },
    ]);
    expect(firefox.web_accessible_resources).toEqual(['content-scripts/esm/*']);
    for (const { name, dir } of builds) {
      const shared = files(path.join(dir, 'content-scripts/esm'));
      expect(
        shared.filter((f) => !f.endsWith('.js')),
        name,
      ).toEqual([]);
    }
  });

  // Issue 15: a page of the sites loads the badge's code only; the rest comes when first used.
  it('loads the menu, thread panel, toasts and reply guard only on demand', async () => {
    for (const { name, dir } of builds)
      for (const site of ['x', 'linkedin', 'facebook']) {
        const { eager, onDemand } = await siteScripts(dir, site);
        const where = `${name}, ${site}`;
        expect(eager.slice(0, 2), where).toEqual([
          `content-scripts/${site}.js`,
          `content-scripts/esm/${site}.js`,
        ]);
        // Chunks are named after their first module (ThreadPanelLayer-<hash>.js, …).
        const has = (files: string[], part: string) =>
          files.some((f) => path.basename(f).startsWith(part));
        for (const part of ['ActionsMenu', 'ThreadPanel', 'toast-layer', 'composer-guard']) {
          expect(has(onDemand, part), `${where}: ${part} on demand`).toBe(true);
          expect(has(eager, part), `${where}: ${part} not eager`).toBe(false);
        }
        // sonner and floating-ui (the toast and popover libraries) are in no eager file.
        for (const file of eager) {
          const code = fs.readFileSync(path.join(dir, file), 'utf8');
          expect(code, `${where}: ${file}`).not.toMatch(/data-sonner-toaster|clippingAncestors/);
        }
      }
  });

  // React's scheduler on the browser's own (scripts/content-modules.ts): one queue with the
  // page's tasks, 1 KB gzipped less than its MessageChannel loop. The browsers that have it.
  it("renders the overlay with the browser's task scheduler, in browsers that have one", async () => {
    expect(manifestOf(EXTENSION_DIR).minimum_chrome_version).toBe('94');
    const gecko = (
      manifestOf(FIREFOX_EXTENSION_DIR).browser_specific_settings as {
        gecko: { strict_min_version: string };
      }
    ).gecko;
    expect(gecko.strict_min_version).toBe('142.0');
    for (const { name, dir } of builds) {
      const { eager } = await siteScripts(dir, 'x');
      const code = eager.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
      expect(code, name).toMatch(/new TaskController\(/);
      expect(code, name).not.toMatch(/new MessageChannel\b/);
    }
  });

  it('runs only code it ships: no eval, no Function constructor, no remote script', () => {
    for (const { name, dir } of builds) {
      const all = files(dir);
      const scripts = all.filter((f) => f.endsWith('.js'));
      expect(scripts.length, name).toBeGreaterThan(4);
      for (const file of scripts) {
        const code = fs.readFileSync(file, 'utf8');
        const where = `${name}: ${path.relative(dir, file)}`;
        // A call of eval, not a method of that name (re2js has one: `eval(a,b){…}`).
        expect(code.match(/(?<![\w$.])eval\s*\([^()]*\)(?!\s*\{)/g), where).toBeNull();
        expect(code.match(/\bnew\s+Function\s*\(/g), where).toBeNull();
        expect(code.match(/(?<![\w$.])Function\s*\(\s*["'`]/g), where).toBeNull();
        expect(code.match(/\bimportScripts\s*\(/g), where).toBeNull();
        // A dynamic import or a script element can only name a file of the package.
        expect(code.match(/\bimport\s*\(\s*["'`]https?:/g), where).toBeNull();
      }
      for (const file of all.filter((f) => f.endsWith('.html'))) {
        const html = fs.readFileSync(file, 'utf8');
        const tags = html.match(/<script\b[^>]*>/g) ?? [];
        expect(tags.length, file).toBeGreaterThan(0);
        for (const tag of tags) {
          const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
          expect(src, `${name}: ${tag}`).toMatch(/^\/[\w./-]+\.js$/);
          expect(fs.existsSync(path.join(dir, src!)), src).toBe(true);
        }
        // No inline script: the only <script> elements are those above, each empty.
        expect(html.match(/<script\b[^>]*>[^<]+<\/script>/g), file).toBeNull();
      }
    }
  });
});
