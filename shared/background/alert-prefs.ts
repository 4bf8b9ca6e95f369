import { browser } from 'wxt/browser';
import { z } from 'zod';
import { DEFAULT_ALERT_PREFS } from './alerts.ts';
import type { AlertPrefs } from './alerts.ts';

const KEY = 'switchboard:alert-prefs';
const zTime = z.string().regex(/^\d{2}:\d{2}$/);
const zPrefs = z.object({
  kinds: z.object({
    routed: z.boolean(),
    assigned: z.boolean(),
    claimLost: z.boolean(),
    slaWarning: z.boolean(),
    slaBreached: z.boolean(),
  }),
  mutedDepartments: z.array(z.string()),
  mutedUntil: z.number().nullable(),
  quietHours: z.object({ from: zTime, to: zTime }).nullable(),
});

/** This browser's alert preferences; anything unreadable falls back to the defaults. */
export async function loadAlertPrefs(): Promise<AlertPrefs> {
  const parsed = zPrefs.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : DEFAULT_ALERT_PREFS;
}

export function saveAlertPrefs(prefs: AlertPrefs) {
  return browser.storage.local.set({ [KEY]: zPrefs.parse(prefs) });
}

export function onAlertPrefsChanged(fn: (prefs: AlertPrefs) => void) {
  browser.storage.local.onChanged.addListener((changes) => {
    if (KEY in changes) void loadAlertPrefs().then(fn);
  });
}
