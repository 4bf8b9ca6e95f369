import { browser } from 'wxt/browser';
import { alertAllowed, alertForEvent, alertForSla, DEFAULT_ALERT_PREFS } from './alerts.ts';
import { alertForNoteEvent } from './consult-alerts.ts';
import type { Alert, AlertPrefs } from './alerts.ts';
import type { SyncEvent } from '../domain/schemas/event.ts';
import { slaPhase } from '../domain/sla.ts';
import { openPost } from './open-post.ts';
import type { BackgroundContext } from './background-context.ts';
import { focusedPort } from './focused-tab.ts';
import { alertPrefsItem } from './alert-prefs.ts';

/** Events replayed after a long absence are history, not news. */
const STALE_AFTER_MS = 15 * 60_000;

/**
 * Decides once per browser which alerts to show, and where: a toast in the focused social tab,
 * else a system notification.
 */
export class AlertCenter {
  private prefs: AlertPrefs = DEFAULT_ALERT_PREFS;
  private readonly urls = new Map<string, string>();
  /** Recent notes' text by event id: a consult event points at its question or answer. */
  private readonly noteTexts = new Map<number, string>();

  constructor(private readonly ctx: BackgroundContext) {
    void alertPrefsItem.getValue().then((p) => (this.prefs = p));
    alertPrefsItem.watch((p) => (this.prefs = p));
    browser.notifications.onClicked.addListener((id) => {
      const url = this.urls.get(id);
      if (url) void openPost(url);
      void browser.notifications.clear(id);
    });
  }

  private departmentName = (id: string) =>
    this.ctx.session.departments.find((d) => d.id === id)?.name ?? 'your department';

  private memberName = (id: string | null) =>
    this.ctx.session.members.find((m) => m.id === id)?.name ?? 'Someone';

  onEvent(e: SyncEvent) {
    this.rememberNote(e);
    const me = this.ctx.session.me;
    if (!me || this.ctx.now() - e.at > STALE_AFTER_MS) return;
    const alert =
      alertForEvent(e, me, this.departmentName) ??
      alertForNoteEvent(e, me, {
        department: this.departmentName,
        member: this.memberName,
        noteText: (id) => this.noteTexts.get(id),
      });
    if (alert) void this.deliver(alert);
  }

  /** A consult event follows its note in the same write, so a short memory is enough. */
  private rememberNote(e: SyncEvent) {
    if (e.type !== 'note.added' || typeof e.data.text !== 'string') return;
    this.noteTexts.set(e.id, e.data.text);
    for (const id of this.noteTexts.keys()) {
      if (this.noteTexts.size <= 20) break;
      this.noteTexts.delete(id);
    }
  }

  /** SLA alerts at 75% of the target and at the due time, for my departments' open threads. */
  async checkSla() {
    const client = this.ctx.client();
    const me = this.ctx.session.me;
    if (!client || !me || me.departmentIds.length === 0) return;
    const { now, items } = await client.queue.list.query({
      departmentIds: me.departmentIds,
      limit: 200,
    });
    for (const { thread } of items) {
      const alert = alertForSla(
        thread,
        slaPhase(thread.firstSeenAt, thread.dueAt, now),
        me,
        this.departmentName,
      );
      if (alert) await this.deliver(alert);
    }
  }

  private async deliver(alert: Alert) {
    const { db } = this.ctx;
    const first = await db.transaction('rw', db.alerted, async () => {
      if (await db.alerted.get(alert.id)) return false;
      await db.alerted.put({ id: alert.id, at: this.ctx.now() });
      return true;
    });
    if (!first || !alertAllowed(alert, this.prefs, new Date(this.ctx.now()))) return;
    const port = await focusedPort(this.ctx.tabs);
    if (port) return this.ctx.tabs.send(port, { type: 'toast', alert });
    this.urls.set(alert.id, alert.url);
    await browser.notifications.create(alert.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: alert.title,
      message: alert.body,
    });
  }
}
