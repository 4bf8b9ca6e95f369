import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { OVERLAY_PORT } from '../../shared/messaging/protocol.ts';
import { parseMessage, zExtensionRequest } from '../../shared/messaging/schemas.ts';
import { SyncEngine } from '../../shared/background/sync-engine.ts';
import { loadSettings } from '../../shared/background/settings.ts';
import { signIn, signOut } from '../../shared/background/sign-in.ts';

export default defineBackground(() => {
  const engine = new SyncEngine();
  // Listeners are registered synchronously: a woken service worker gets its first event at once.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === OVERLAY_PORT) engine.tabs.attach(port);
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only the extension's own pages talk to the background this way (content scripts use ports).
    if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    const msg = parseMessage(zExtensionRequest, raw, 'an extension page');
    if (!msg) return undefined;
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
