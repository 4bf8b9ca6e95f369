import { z } from 'zod';
import { defineCheckedItem } from './checked-item.ts';

const zSettings = z.object({ serverUrl: z.string().url(), token: z.string().min(1) });
export type Settings = z.infer<typeof zSettings>;

/**
 * Server URL and sign-in token, or null when signed out. In `local:` storage, never `sync:`:
 * the token is a secret of this browser.
 */
export const settingsItem = defineCheckedItem<Settings | null>(
  'local:switchboard:settings',
  zSettings.nullable(),
  null,
);

const zComposerPrefs = z.object({ claimOnType: z.boolean() });
export type ComposerPrefs = z.infer<typeof zComposerPrefs>;

/**
 * The member's choices at a site's reply box: whether the first keystroke in the box of a post
 * nobody holds claims it (on by default, so two people never start the same answer).
 */
export const composerPrefsItem = defineCheckedItem<ComposerPrefs>(
  'local:switchboard:composer-prefs',
  zComposerPrefs,
  { claimOnType: true },
);

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
