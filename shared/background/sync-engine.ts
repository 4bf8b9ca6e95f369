import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import type { PostRef } from '../domain/schemas/post.ts';
import type { Member } from '../domain/schemas/org.ts';
import type { SyncEvent } from '../domain/schemas/event.ts';
import type {
  BackgroundToContent,
  MyWork,
  RpcResult,
  SessionChanged,
  SessionInfo,
} from '../messaging/protocol.ts';
import type { CachedView } from './local-db.ts';
import { LocalDb } from './local-db.ts';
import { AlertCenter } from './alert-center.ts';
import { LeaseKeeper } from './lease-keeper.ts';
import { loadMyWork } from './my-work.ts';
import { relayRpc } from './rpc-relay.ts';
import { Outbox } from './outbox.ts';
import { errorMessage, openServerLink, serverCode } from './server-link.ts';
import type { ServerLink } from './server-link.ts';
import type { Settings } from './settings.ts';
import { TabHub } from './tab-hub.ts';
import { storeConfirmed, toOverlayView } from './view-cache.ts';

const OBSERVE_BATCH = 200;

/**
 * The background's sync: one server connection, the local cache, the tabs. Tabs paint from the
 * cache at once; the server's answers and its event stream correct the cache and are pushed to
 * the tabs that show the post.
 */
export class SyncEngine {
  readonly db = new LocalDb();
  readonly tabs: TabHub;
  readonly outbox: Outbox;
  readonly leases: LeaseKeeper;
  readonly alerts: AlertCenter;
  private link: ServerLink | null = null;
  private online = false;
  private session: SessionInfo = {
    connection: 'signed-out',
    me: null,
    departments: [],
    members: [],
  };
  private toObserve = new Map<string, PostRef>();
  private observeTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor() {
    const host = {
      db: this.db,
      client: () => (this.online ? (this.link?.client ?? null) : null),
      me: () => this.session.me,
      members: () => this.session.members,
      departments: () => this.session.departments,
      now: () => Date.now(),
      isVisible: (key: string) => this.tabs.isVisible(key),
      changed: (views: CachedView[]) => this.tabs.pushViews(views.map(toOverlayView)),
      notice: (msg: BackgroundToContent) => this.tabs.broadcast(msg),
    };
    this.tabs = new TabHub({
      connect: (port) => this.tabs.send(port, { type: 'session', session: this.session }),
      observe: (posts, port) => void this.observe(posts, port),
      action: (port, requestId, action) =>
        void this.outbox
          .perform(action, requestId, (msg) => this.tabs.send(port, msg))
          .then(() => this.refreshPending()),
      interestChanged: () => void this.leases.tick(),
    });
    this.outbox = new Outbox(host);
    this.leases = new LeaseKeeper(host);
    this.alerts = new AlertCenter({
      ...host,
      focusedPort: () => this.focusedPort(),
      send: (port, alert) => this.tabs.send(port, { type: 'toast', alert }),
    });
  }

  /** The tab the user is looking at, when its window has focus and it shows a social site. */
  private async focusedPort() {
    const win = await browser.windows.getLastFocused().catch(() => null);
    if (!win?.focused) return null;
    const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
    return tab?.id === undefined ? null : this.tabs.portOfTab(tab.id);
  }

  getSession(): SessionInfo {
    return this.session;
  }

  rpc(kind: 'query' | 'mutation', path: string, input: unknown): Promise<RpcResult> {
    return relayRpc(this.online ? (this.link?.client ?? null) : null, kind, path, input);
  }

  async myWork(): Promise<MyWork | null> {
    const me = this.session.me;
    if (!me) return null;
    return loadMyWork(this.online ? (this.link?.client ?? null) : null, this.db, me);
  }

  private setSession(patch: Partial<SessionInfo>) {
    this.session = { ...this.session, ...patch };
    this.tabs.broadcast({ type: 'session', session: this.session });
    const changed: SessionChanged = { type: 'sessionChanged', session: this.session };
    // No page open is the usual case, not an error.
    browser.runtime.sendMessage(changed).catch(() => undefined);
  }

  private async refreshPending() {
    const pendingActions = await this.outbox.pending();
    if (pendingActions !== this.session.pendingActions) this.setSession({ pendingActions });
  }

  /** Starts (or restarts) the session for these settings, from what the cache remembers. */
  async start(settings: Settings | null) {
    this.stop();
    if (!settings) return this.setSession({ connection: 'signed-out', me: null, error: undefined });
    const [me, departments, members] = await Promise.all([
      this.db.getMeta<Member>('me'),
      this.db.departments.toArray(),
      this.db.members.toArray(),
    ]);
    this.setSession({
      connection: 'connecting',
      me: me ?? null,
      departments,
      members,
      serverUrl: settings.serverUrl,
      orgName: await this.db.getMeta<string>('orgName'),
    });
    await this.refreshPending();
    await this.db.forgetOldAlerts(Date.now());
    this.link = openServerLink(settings.serverUrl, settings.token, {
      open: () => void this.onOpen(),
      close: (cause) => {
        this.online = false;
        if (this.session.connection !== 'signed-out')
          this.setSession({ connection: 'offline', error: `server unreachable: ${cause}` });
      },
    });
  }

  stop() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.link?.close();
    this.link = null;
    this.online = false;
  }

  private async onOpen() {
    const client = this.link?.client;
    if (!client) return;
    try {
      const who = await client.auth.whoami.query();
      const [departments, members] = await Promise.all([
        client.departments.list.query(),
        client.members.list.query(),
      ]);
      await this.db.transaction(
        'rw',
        this.db.meta,
        this.db.departments,
        this.db.members,
        async () => {
          await this.db.setMeta('me', who.member);
          await this.db.setMeta('orgName', who.org.name);
          await this.db.departments.clear();
          await this.db.departments.bulkPut(departments);
          await this.db.members.clear();
          await this.db.members.bulkPut(members);
        },
      );
      this.online = true;
      this.setSession({
        connection: 'online',
        me: who.member,
        departments,
        members,
        orgName: who.org.name,
        error: undefined,
      });
    } catch (e) {
      const refused = serverCode(e) === 'UNAUTHORIZED';
      this.setSession({
        connection: refused ? 'signed-out' : 'offline',
        error: refused ? 'the server refused this sign-in token' : errorMessage(e),
      });
      if (refused) this.stop();
      return;
    }
    if (!this.unsubscribe) await this.subscribe();
    for (const [key, post] of this.tabs.visible()) this.toObserve.set(key, post);
    this.scheduleObserve(0);
    await this.outbox.drain();
    await this.refreshPending();
  }

  /** One stream per connection, resumed from the cursor (which outlives the service worker). */
  private async subscribe() {
    const client = this.link!.client;
    const cursor = await this.db.getMeta<string>('cursor');
    const sub = client.events.stream.subscribe(
      { lastEventId: cursor ?? null },
      {
        onData: ({ id, data }) => void this.applyEvent(id, data),
        onError: (e) => console.warn('Switchboard: event stream failed', e),
      },
    );
    this.unsubscribe = () => sub.unsubscribe();
  }

  private applying: Promise<void> = Promise.resolve();

  /** Applied strictly in arrival order; the cursor moves only after the cache has the change. */
  private applyEvent(id: string, event: SyncEvent) {
    this.applying = this.applying.then(async () => {
      if (event.thread && (await this.db.views.get(event.thread.postKey))) {
        const stored = await storeConfirmed(this.db, [
          { thread: event.thread, claim: event.claim },
        ]);
        this.tabs.pushViews(stored.map(toOverlayView));
      }
      await this.db.setMeta('cursor', id);
      this.alerts.onEvent(event);
    });
    return this.applying;
  }

  /** Paint from the cache now; ask the server (batched across tabs) for the truth. */
  private async observe(posts: PostRef[], port: Browser.runtime.Port) {
    const cached = (await this.db.views.bulkGet(posts.map((p) => p.key))).filter(
      (v): v is CachedView => !!v,
    );
    if (cached.length) this.tabs.send(port, { type: 'views', views: cached.map(toOverlayView) });
    for (const p of posts) this.toObserve.set(p.key, p);
    this.scheduleObserve(30);
  }

  private scheduleObserve(delay: number) {
    if (this.observeTimer || !this.online) return;
    this.observeTimer = setTimeout(() => {
      this.observeTimer = null;
      void this.flushObserve();
    }, delay);
  }

  private async flushObserve() {
    const client = this.online ? this.link?.client : null;
    if (!client || this.toObserve.size === 0) return;
    const batch = [...this.toObserve.values()].slice(0, OBSERVE_BATCH);
    for (const p of batch) this.toObserve.delete(p.key);
    try {
      const views = await client.posts.observe.mutate({ posts: batch });
      this.tabs.pushViews((await storeConfirmed(this.db, views)).map(toOverlayView));
    } catch (e) {
      if (!serverCode(e))
        for (const p of batch) this.toObserve.set(p.key, p); // retry on reconnect
      else console.warn('Switchboard: posts.observe refused', errorMessage(e));
    }
    if (this.toObserve.size) this.scheduleObserve(0);
  }
}
