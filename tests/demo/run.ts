import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDemoBrowsers } from './demo-browsers.ts';
import type { DemoBrowsers } from './demo-browsers.ts';
import { startDemoServer } from './demo-server.ts';
import type { DemoServer } from './demo-server.ts';
import { walkStory } from './walk-story.ts';
import { describeSeededDemo } from '../../server/seed-demo.ts';

/**
 * `npm run demo`: a throwaway server with the demo organisation, and Chromium with the built
 * extension signed in as a Support member and the Support lead, on replicas of X, LinkedIn and
 * Facebook. With a display the windows stay open to explore; without one (or with --headless)
 * it walks the story and leaves a picture of each step in demo-output/.
 */
const { values: flags } = parseArgs({
  options: {
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    out: { type: 'string', default: 'demo-output' },
  },
});

const outDir = path.resolve(flags.out!);
const say = (line = '') => console.log(line);

/**
 * Ctrl+C (or a terminal closing) ends the demo the way closing its windows does: cleaned up.
 * `on`, not `once`: the signal comes twice, from the terminal and relayed by tsx's parent.
 */
const signalled = new Promise<string>((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => resolve(signal));
});

async function explore(server: DemoServer, cast: DemoBrowsers) {
  for (const actor of [cast.member, cast.lead])
    for (const site of ['facebook', 'linkedin', 'x'] as const) await actor.site(site);
  await cast.lead.dashboard();
  say(`Two Chromium windows are open, each with the extension signed in:`);
  say(`  left:  ${cast.member.label}    right: ${cast.lead.label}`);
  say(`on replicas of X, LinkedIn and Facebook (the real addresses, served from this machine).`);
  say(`Claim a post on one side and watch the other; Sam's dashboard is in his last tab.`);
  say(`To sign in as someone else (another browser, or Firefox) at ${server.url}:`);
  say(describeSeededDemo(server.seeded).split('\n').slice(2).join('\n'));
  say(`Close both windows, or press Ctrl+C, to end; the demo's data is then deleted.`);
  const windowsClosed = new Promise<void>((resolve) => {
    let open = 2;
    for (const actor of [cast.member, cast.lead])
      actor.browser.context.on('close', () => --open === 0 && resolve());
  });
  await Promise.race([windowsClosed, signalled]);
}

async function main() {
  const started = Date.now();
  const server = await startDemoServer();
  say(`Demo server with ${server.seeded.org.name} on ${server.url} (data in ${server.dataDir})`);
  let cast: DemoBrowsers | null = null;
  try {
    cast = await openDemoBrowsers(server, { headless: flags.headless! });
    if (flags.headless) {
      say('No display (or --headless): walking the story in headless browsers.');
      const walk = walkStory(cast, outDir, {
        onPicture: (p) => say(`  ${path.basename(p.file)}  ${p.caption}`),
      });
      const outcome = await Promise.race([
        walk.then((pictures) => ({ pictures })),
        signalled.then((signal) => ({ signal })),
      ]);
      if ('signal' in outcome) {
        walk.catch(() => undefined); // its browsers are closing under it
        return say(`\n${outcome.signal}: stopped; cleaning up.`);
      }
      const { pictures } = outcome;
      const seconds = Math.round((Date.now() - started) / 1000);
      say(
        `\n${pictures.length} pictures of the story in ${outDir}/ (${seconds} s), each with its caption beside it (.txt).`,
      );
    } else await explore(server, cast);
  } finally {
    await cast?.close();
    await server.close();
  }
}

main().then(
  () => process.exit(),
  (e: unknown) => {
    console.error(`\ndemo failed: ${e instanceof Error ? e.message : String(e)}`);
    if (!flags.headless)
      console.error(
        `(DISPLAY is ${process.env.DISPLAY}; without a usable display: npm run demo -- --headless)`,
      );
    process.exit(1);
  },
);
