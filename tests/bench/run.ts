import { overlayBench } from './overlay.bench.ts';
import { propagationBench } from './propagation.bench.ts';
import { serverBench } from './server.bench.ts';
import { serverScaleBench } from './server-figures.ts';

/** `npm run bench [-- --json] [--only NAME]`: every benchmark, printed as one object of named figures. */
const benches: Record<string, () => Promise<Record<string, number>>> = {
  server: serverBench,
  'server-scale': serverScaleBench,
  propagation: propagationBench,
  overlay: overlayBench,
};

const json = process.argv.includes('--json');
// `--only overlay` (repeatable): just those suites.
const only = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--only' ? [a] : []));
const figures: Record<string, number> = {};
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (!json) console.error(`running ${name}…`);
  Object.assign(figures, await run());
}
if (json) console.log(JSON.stringify(figures));
else for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(28)} ${v}`);
process.exit(0);
