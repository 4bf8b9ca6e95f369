import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * `wxt build` with its output in a log file: a person starting Switchboard needs to know where
 * the extension is and how to load it, not the bundler's table of chunks. A failed build prints
 * the log's end, which says why.
 *
 *   tsx scripts/build-quietly.ts [--browser chrome|firefox] [--how-to-load SERVER_URL]
 */
const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chrome' },
    'how-to-load': { type: 'string' },
  },
});
const browser = values.browser === 'firefox' ? 'firefox' : 'chrome';
const outDir = path.join('.output', browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
const logFile = path.join('.output', `build-${browser}.log`);
const wxt = fileURLToPath(new URL('../node_modules/wxt/bin/wxt.mjs', import.meta.url));

fs.mkdirSync('.output', { recursive: true });
const log = fs.openSync(logFile, 'w');
const started = Date.now();
const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [wxt, 'build', '-b', browser], {
    stdio: ['ignore', log, log],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  child.on('close', (c) => resolve(c ?? 1));
  child.on('error', () => resolve(1));
});
fs.closeSync(log);

if (code !== 0) {
  const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
  console.error(`Building the extension failed (full log: ${logFile}):\n\n${tail}`);
  process.exit(code);
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `Extension built for ${browser === 'firefox' ? 'Firefox' : 'Chrome'} in ${outDir}/ (${seconds} s; log: ${logFile})`,
);
const server = values['how-to-load'];
if (server) {
  console.log(
    browser === 'firefox'
      ? `  Load it: about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → ${outDir}/manifest.json`
      : `  Load it: chrome://extensions → turn on Developer mode → "Load unpacked" → ${outDir}`,
  );
  console.log(
    `  Then in its options page: Server URL ${server}, and a sign-in token (the admin's is below on the first start).\n`,
  );
}
