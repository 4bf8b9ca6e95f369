import { browser } from 'wxt/browser';
import { z } from 'zod';

const zSettings = z.object({ serverUrl: z.string().url(), token: z.string().min(1) });
export type Settings = z.infer<typeof zSettings>;

const KEY = 'switchboard:settings';

/** Server URL and sign-in token; local to this browser (never storage.sync: the token is secret). */
export async function loadSettings(): Promise<Settings | null> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = zSettings.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function saveSettings(settings: Settings) {
  return browser.storage.local.set({ [KEY]: settings });
}

export function clearSettings() {
  return browser.storage.local.remove(KEY);
}

/** "http://127.0.0.1:8787/" or "127.0.0.1:8787" -> "http://127.0.0.1:8787"; null when unusable. */
export function normaliseServerUrl(input: string): string | null {
  const trimmed = input.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.pathname === '/' ? url.origin : `${url.origin}${url.pathname}`;
  } catch {
    return null;
  }
}
