import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { findChromium } from './support/chromium.ts';

// The overlay's two sheets as every post's shadow root adopts them, in Chrome: each colour is a
// light-dark() pair that follows the host's color-scheme (start-overlay gives the page's own theme
// there; without one, the system's), through the frame's reset of everything inherited.
const css = (name: string) =>
  fs.readFileSync(new URL(`../../components/overlay/${name}`, import.meta.url), 'utf8');
const LIGHT = { background: 'rgb(246, 248, 250)', status: 'rgb(89, 99, 110)' };
const DARK = { background: 'rgb(22, 27, 34)', status: 'rgb(145, 152, 161)' };

describe('overlay colours', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  });
  afterAll(() => browser?.close());

  for (const system of ['light', 'dark'] as const)
    it(`follow the page's theme, else the system's (${system} system)`, async () => {
      const page = await browser.newPage({ colorScheme: system });
      const colours = await page.evaluate(
        ([frameCss, overlayCss]) =>
          Object.fromEntries(
            ['', 'light', 'dark'].map((theme) => {
              const host = document.body.appendChild(document.createElement('switchboard-overlay'));
              const shadow = host.attachShadow({ mode: 'open' });
              shadow.adoptedStyleSheets = [frameCss!, overlayCss!].map((text) => {
                const sheet = new CSSStyleSheet();
                sheet.replaceSync(text);
                return sheet;
              });
              shadow.innerHTML =
                '<div class="sb-frame"><div class="sb-overlay"><span class="sb-status">Open</span></div></div>';
              host.style.colorScheme = theme;
              const style = (selector: string) => getComputedStyle(shadow.querySelector(selector)!);
              return [
                theme || 'none',
                {
                  background: style('.sb-overlay').backgroundColor,
                  status: style('.sb-status').color,
                },
              ];
            }),
          ),
        [css('frame.css'), css('overlay.css')],
      );
      expect(colours).toEqual({ none: system === 'dark' ? DARK : LIGHT, light: LIGHT, dark: DARK });
      await page.close();
    });
});
