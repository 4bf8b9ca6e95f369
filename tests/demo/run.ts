import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDemoBrowsers } from './demo-browsers.ts';
import type { DemoBrowsers } from './demo-browsers.ts';
import { startDemoServer } from './demo-server.ts';
import type { DemoServer } from './demo-server.ts';
import { walkStory } from './walk-story.ts';

/**
 * `npm run demo`: a throwaway server with the demo organisation, and Chromium with the built
 * extension signed in as a Support member and the Support lead, on replicas of X, LinkedIn and
 * Facebook. With a display the windows stay open to explore; without one (or with --headless)
 * it walks the story and leaves a picture of each step in demo-output/.
 */
const { values: flags } = parseArgs({
  options: {
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    walk: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-output' },
  },
});

const outDir = path.resolve(flags.out!);
const say = (line = '') => console.log(line);

async function explore(server: DemoServer, cast: DemoBrowsers) {
  for (const actor of [cast.member, cast.lead])
    for (const site of ['facebook', 'linkedin', 'x'] as const) await actor.site(site);
  await cast.lead.dashboard();
  say(`Two Chromium windows are open, each with the extension signed in:`);
  say(`  left:  ${cast.member.label}    right: ${cast.lead.label}`);
  say(`on replicas of X, LinkedIn and Facebook (the real addresses, served from this machine).`);
  say(`Claim a post on one side and watch the other; Sam's dashboard is in his last tab.`);
  say(`Other people of ${server.seeded.org.name}: npm run cli -- seed-demo prints their tokens.`);
  say(`Close both windows, or press Ctrl+C, to end; the demo's data is then deleted.`);
  await new Promise<void>((resolve) => {
    let open = 2;
    for (const actor of [cast.member, cast.lead])
      actor.browser.context.on('close', () => --open === 0 && resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function main() {
  const started = Date.now();
  const server = await startDemoServer();
  say(`Demo server with ${server.seeded.org.name} on ${server.url} (data in ${server.dataDir})`);
  let cast: DemoBrowsers | null = null;
  try {
    cast = await openDemoBrowsers(server, { headless: flags.headless! });
    if (flags.headless || flags.walk) {
      say(flags.headless ? 'No display: walking the story headless.' : 'Walking the story.');
      const pictures = await walkStory(cast, outDir, {
        onPicture: (p) => say(`  ${path.basename(p.file)}  ${p.caption}`),
      });
      const seconds = Math.round((Date.now() - started) / 1000);
      say(
        `\n${pictures.length} pictures of the story in ${outDir}/ (${seconds} s), each with its caption beside it (.txt).`,
      );
    }
    if (!flags.headless) await explore(server, cast);
  } finally {
    await cast?.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(`\ndemo failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
