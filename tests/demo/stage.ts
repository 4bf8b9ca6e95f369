import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { findChromium } from '../e2e/support/chromium.ts';
import { overlayOf } from '../e2e/support/overlay.ts';
import type { Shot } from './story.ts';

/** One picture of the story: its number, its caption, and each browser's view side by side. */
export interface Picture {
  file: string;
  caption: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function stageHtml(number: number, caption: string, panels: { label: string; png: Buffer }[]) {
  const figures = panels
    .map(
      (p) =>
        `<figure><figcaption>${escape(p.label)}</figcaption><img src="data:image/png;base64,${p.png.toString('base64')}"></figure>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #e2e8f0; font: 15px system-ui, sans-serif; color: #0f172a; display: inline-block; }
/* As wide as the pictures below, never wider: a long caption wraps instead. */
header { width: 0; min-width: calc(100% - 40px); padding: 14px 20px; font-size: 18px; }
header b { display: inline-block; min-width: 28px; margin-right: 8px; padding: 2px 8px; border-radius: 6px; background: #2563eb; color: #fff; text-align: center; }
main { display: flex; gap: 16px; padding: 0 20px 20px; }
figure { margin: 0; background: #fff; border-radius: 10px; overflow: hidden; box-shadow: 0 1px 4px rgba(15,23,42,.2); }
figcaption { padding: 8px 12px; font-weight: 600; background: #0f172a; color: #f8fafc; }
img { display: block; }
</style><header><b>${number}</b>${escape(caption)}</header><main>${figures}</main>`;
}

async function picture(shot: Shot): Promise<Buffer> {
  if (shot.png) return shot.png;
  if (!shot.reach) return shot.page.screenshot();
  const bottom = await overlayOf(shot.page, shot.reach).evaluate(
    (el) => el.getBoundingClientRect().bottom + window.scrollY,
  );
  const width = shot.page.viewportSize()?.width ?? (await shot.page.evaluate(() => innerWidth));
  return shot.page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width, height: bottom + 16 } });
}

/** Writes each step's picture (`NN-name.png`) and its one-line caption (`NN-name.txt`). */
export class Stage {
  private constructor(
    private readonly browser: Browser,
    readonly outDir: string,
  ) {}

  static async open(outDir: string): Promise<Stage> {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox'],
    });
    return new Stage(browser, outDir);
  }

  async shoot(number: number, name: string, caption: string, shots: Shot[]): Promise<Picture> {
    const panels = [];
    for (const shot of shots) panels.push({ label: shot.actor.label, png: await picture(shot) });
    const page = await this.browser.newPage({ deviceScaleFactor: 1 });
    await page.setContent(stageHtml(number, caption, panels));
    const base = `${String(number).padStart(2, '0')}-${name}`;
    const file = path.join(this.outDir, `${base}.png`);
    await page.locator('body').screenshot({ path: file });
    await page.close();
    fs.writeFileSync(path.join(this.outDir, `${base}.txt`), `${caption}\n`);
    return { file, caption };
  }

  close() {
    return this.browser.close();
  }
}
