import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/**
 * What a site's page loads of Switchboard before anyone uses it: the content script (a loader),
 * the site's overlay module and every module it imports statically; and what waits for a dynamic
 * import (menu, thread panel, toasts, reply-box guard). Read from the built package, the way the
 * browser follows the imports (scripts/content-modules.ts).
 */
export interface SiteScripts {
  /** Package paths, loader first. */
  eager: string[];
  onDemand: string[];
}

export async function siteScripts(extensionDir: string, site: string): Promise<SiteScripts> {
  await init;
  const eager = [`content-scripts/${site}.js`];
  const onDemand = new Set<string>();
  const seen = new Set<string>();
  const follow = (file: string, isEager: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (isEager) eager.push(file);
    else onDemand.add(file);
    const [imports] = parse(fs.readFileSync(path.join(extensionDir, file), 'utf8'));
    for (const { n: name, d } of imports) {
      if (!name?.startsWith('.')) continue;
      // d === -1: a static import, loaded with the module; >= 0: a dynamic import()
      follow(path.posix.join(path.posix.dirname(file), name), isEager && d === -1);
    }
  };
  follow(`content-scripts/esm/${site}.js`, true);
  for (const file of eager) onDemand.delete(file);
  return { eager, onDemand: [...onDemand] };
}

/** Kilobytes as the browser downloads them: each file gzipped on its own. */
export function gzipKb(extensionDir: string, files: string[]): number {
  const bytes = files.reduce(
    (sum, f) =>
      sum + zlib.gzipSync(fs.readFileSync(path.join(extensionDir, f)), { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}
