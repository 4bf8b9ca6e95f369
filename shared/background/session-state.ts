import { browser } from 'wxt/browser';
import type { Department, Member } from '../domain/schemas/org.ts';
import type { SessionChanged, SessionInfo } from '../messaging/protocol.ts';
import type { LocalDb } from './local-db.ts';
import type { TabHub } from './tab-hub.ts';

const SIGNED_OUT: SessionInfo = {
  connection: 'signed-out',
  me: null,
  departments: [],
  members: [],
};

/**
 * Who is signed in, to which server, whether it is reachable, and how many actions wait: one
 * copy, pushed to every tab and open extension page whenever it changes.
 */
export class SessionState {
  private info: SessionInfo = SIGNED_OUT;

  constructor(
    private readonly db: LocalDb,
    private readonly tabs: TabHub,
  ) {}

  get(): SessionInfo {
    return this.info;
  }

  get me(): Member | null {
    return this.info.me;
  }

  get members(): Member[] {
    return this.info.members;
  }

  get departments(): Department[] {
    return this.info.departments;
  }

  set(patch: Partial<SessionInfo>) {
    this.info = { ...this.info, ...patch };
    this.tabs.broadcast({ type: 'session', session: this.info });
    const changed: SessionChanged = { type: 'sessionChanged', session: this.info };
    // No page open is the usual case, not an error.
    browser.runtime.sendMessage(changed).catch(() => undefined);
  }

  /** The outbox's length as the popup and overlay show it ("2 actions waiting"). */
  async countPending() {
    const pendingActions = await this.db.outbox.count();
    if (pendingActions !== this.info.pendingActions) this.set({ pendingActions });
  }
}
