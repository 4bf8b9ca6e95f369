import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { DEFAULT_ALERT_PREFS } from './alerts.ts';
import type { AlertPrefs } from './alerts.ts';
import { alertPrefsItem } from './alert-prefs.ts';
import { settingsItem } from './settings.ts';

describe('stored settings', () => {
  it('keeps the sign-in token in local storage only, never in sync', async () => {
    await settingsItem.setValue({ serverUrl: 'http://127.0.0.1:8787', token: 'secret-token' });
    expect(await settingsItem.getValue()).toEqual({
      serverUrl: 'http://127.0.0.1:8787',
      token: 'secret-token',
    });
    expect(await fakeBrowser.storage.local.get('switchboard:settings')).toEqual({
      'switchboard:settings': { serverUrl: 'http://127.0.0.1:8787', token: 'secret-token' },
    });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await settingsItem.removeValue();
    expect(await settingsItem.getValue()).toBeNull();
  });

  it('reads what does not fit the schema as signed out / the defaults, and refuses to write it', async () => {
    await fakeBrowser.storage.local.set({
      'switchboard:settings': { serverUrl: 'not a url', token: '' },
      'switchboard:alert-prefs': { kinds: 'all' },
    });
    expect(await settingsItem.getValue()).toBeNull();
    expect(await alertPrefsItem.getValue()).toEqual(DEFAULT_ALERT_PREFS);
    await expect(
      alertPrefsItem.setValue({ ...DEFAULT_ALERT_PREFS, quietHours: { from: '9', to: '17' } }),
    ).rejects.toThrow();
  });

  it('tells a watcher of each change, checked like a read', async () => {
    const seen: AlertPrefs[] = [];
    const unwatch = alertPrefsItem.watch((p) => seen.push(p));
    const muted = { ...DEFAULT_ALERT_PREFS, mutedDepartments: ['d1'], mutedUntil: 5 };
    await alertPrefsItem.setValue(muted);
    await vi.waitUntil(() => seen.length === 1);
    await fakeBrowser.storage.local.set({ 'switchboard:alert-prefs': { broken: true } });
    await vi.waitUntil(() => seen.length === 2);
    expect(seen).toEqual([muted, DEFAULT_ALERT_PREFS]);
    unwatch();
  });
});
