import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
let bundled: Promise<string> | null = null;

/**
 * The server's CLI as one ES module (its packages stay imports from node_modules), for tests that
 * start and kill server processes many times: the same code as `tsx server/cli.ts`, without
 * compiling TypeScript on every start (a start takes about a third of the time and CPU). Written
 * under node_modules/.cache so the packages resolve; built once per test process.
 */
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = path.join(root, 'node_modules/.cache/switchboard-tests');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `server-${process.pid}.mjs`);
    await build({
      entryPoints: [path.join(root, 'server/cli.ts')],
      outfile: file,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    process.once('exit', () => fs.rmSync(file, { force: true }));
    return file;
  })();
  return bundled;
}
