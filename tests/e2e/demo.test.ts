import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS } from './support/chromium.ts';
import { openDemoBrowsers } from '../demo/demo-browsers.ts';
import type { DemoBrowsers } from '../demo/demo-browsers.ts';
import { startDemoServer } from '../demo/demo-server.ts';
import type { DemoServer } from '../demo/demo-server.ts';
import { STORY } from '../demo/story.ts';
import { walkStory } from '../demo/walk-story.ts';

// `npm run demo` without a display: the same server, browsers and story, so the demo a new user
// runs first cannot rot unnoticed. Each step waits for what it shows (a badge, a toast, a row).
describe('the headless demo', () => {
  const outDir = path.join(ARTIFACTS, 'demo');
  let server: DemoServer;
  let cast: DemoBrowsers;

  beforeAll(async () => {
    server = await startDemoServer();
    cast = await openDemoBrowsers(server, { headless: true });
  });
  afterAll(async () => {
    await cast?.close();
    await server?.close();
  });

  it('walks the whole story and leaves a captioned picture of every step', async () => {
    const pictures = await walkStory(cast, outDir);
    expect(pictures.map((p) => path.basename(p.file))).toEqual(
      STORY.map((s, i) => `${String(i + 1).padStart(2, '0')}-${s.name}.png`),
    );
    for (const p of pictures) {
      expect(fs.statSync(p.file).size).toBeGreaterThan(20_000);
      const caption = fs.readFileSync(p.file.replace(/\.png$/, '.txt'), 'utf8');
      expect(caption.trim().split('\n')).toEqual([p.caption]);
    }
  }, 180_000);
});
