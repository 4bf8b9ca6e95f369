import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { OVERLAY_PORT } from '../../shared/messaging/protocol.ts';
import { parseMessage, zExtensionRequest } from '../../shared/messaging/schemas.ts';
import { startBackground } from '../../shared/background/start-background.ts';
import { answerPage } from '../../shared/background/page-requests.ts';
import { settingsItem } from '../../shared/background/settings.ts';

export default defineBackground(() => {
  const background = startBackground();
  const { ctx, leases, alerts } = background;
  // Listeners are registered synchronously: a woken service worker gets its first event at once.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === OVERLAY_PORT) ctx.tabs.attach(port);
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only the extension's own pages talk to the background this way (content scripts use ports).
    if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    const msg = parseMessage(zExtensionRequest, raw, 'an extension page');
    return msg ? answerPage(background, msg) : undefined;
  });
  // Leases are renewed every 30 s while a tab shows the post; the alarm wakes a stopped worker.
  browser.alarms.create('switchboard-leases', { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener(() => {
    void leases.tick();
    void alerts.checkSla().catch(() => undefined);
  });
  setInterval(() => void leases.tick(), 2_000);
  // SLA alerts fire at 75% and 100% of a target counted in minutes: every 15 s is on time.
  setInterval(() => void alerts.checkSla().catch(() => undefined), 15_000);
  void settingsItem.getValue().then((settings) => background.connection.start(settings));
});
