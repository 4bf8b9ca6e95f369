import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { OVERLAY_PORT } from '../../shared/messaging/protocol.ts';
import type { ExtensionRequest } from '../../shared/messaging/protocol.ts';
import { SyncEngine } from '../../shared/sync/sync-engine.ts';
import { loadSettings } from '../../shared/sync/settings.ts';
import { signIn, signOut } from '../../shared/sync/sign-in.ts';

export default defineBackground(() => {
  const engine = new SyncEngine();
  // Listeners are registered synchronously: a woken service worker gets its first event at once.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === OVERLAY_PORT) engine.tabs.attach(port);
  });
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const msg = raw as ExtensionRequest;
    if (msg.type === 'signIn') return signIn(engine, msg.serverUrl, msg.token);
    if (msg.type === 'signOut') return signOut(engine).then(() => engine.getSession());
    if (msg.type === 'getSession') return Promise.resolve(engine.getSession());
    if (msg.type === 'myWork') return engine.myWork();
    if (msg.type === 'rpc') return engine.rpc(msg.kind, msg.path, msg.input);
    return undefined;
  });
  // Leases are renewed every 30 s while a tab shows the post; the alarm wakes a stopped worker.
  browser.alarms.create('switchboard-leases', { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener(() => {
    void engine.leases.tick();
    void engine.alerts.checkSla().catch(() => undefined);
  });
  setInterval(() => void engine.leases.tick(), 2_000);
  // SLA alerts fire at 75% and 100% of a target counted in minutes: every 15 s is on time.
  setInterval(() => void engine.alerts.checkSla().catch(() => undefined), 15_000);
  void loadSettings().then((settings) => engine.start(settings));
});
