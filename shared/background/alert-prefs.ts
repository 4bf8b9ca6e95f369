import { z } from 'zod';
import { DEFAULT_ALERT_PREFS } from './alerts.ts';
import type { AlertPrefs } from './alerts.ts';
import { defineCheckedItem } from './checked-item.ts';

const zTime = z.string().regex(/^\d{2}:\d{2}$/);
const zPrefs = z.object({
  kinds: z.object({
    routed: z.boolean(),
    assigned: z.boolean(),
    claimLost: z.boolean(),
    slaWarning: z.boolean(),
    slaBreached: z.boolean(),
    // Kinds added later default to on: prefs saved before them still load.
    consulted: z.boolean().default(true),
    consultAnswered: z.boolean().default(true),
    mentioned: z.boolean().default(true),
  }),
  mutedDepartments: z.array(z.string()),
  mutedUntil: z.number().nullable(),
  quietHours: z.object({ from: zTime, to: zTime }).nullable(),
});

/** This browser's alert preferences; anything unreadable reads as the defaults. */
export const alertPrefsItem = defineCheckedItem<AlertPrefs>(
  'local:switchboard:alert-prefs',
  zPrefs,
  DEFAULT_ALERT_PREFS,
);
