import type { BackgroundToContent } from '../messaging/protocol.ts';
import type { CachedView } from './local-db.ts';
import { LocalDb } from './local-db.ts';
import type { ServerClient } from './server-link.ts';
import { SessionState } from './session-state.ts';
import type { TabHubEvents } from './tab-hub.ts';
import { TabHub } from './tab-hub.ts';
import { toOverlayView, ViewLookups } from './view-cache.ts';

/**
 * What every part of the background shares: the cache, the tabs, the session and the server
 * client while it is online. Each part (outbox, leases, alerts, post lookup, event stream) gets
 * this one object instead of a host interface of its own.
 */
export class BackgroundContext {
  readonly db: LocalDb;
  readonly tabs: TabHub;
  readonly session: SessionState;
  /** Views asked of the server, kept from overwriting a change the stream brought meanwhile. */
  readonly lookups: ViewLookups;
  private live: ServerClient | null = null;

  constructor(opts: { tabEvents: TabHubEvents; dbName?: string; now?: () => number }) {
    this.db = new LocalDb(opts.dbName);
    this.tabs = new TabHub(opts.tabEvents);
    this.session = new SessionState(this.db, this.tabs);
    this.lookups = new ViewLookups(this.db);
    if (opts.now) this.now = opts.now;
  }

  now: () => number = () => Date.now();

  /** The server client while the connection is up and signed in; null otherwise. */
  client(): ServerClient | null {
    return this.live;
  }

  /** Set by the server connection once it is signed in, cleared when it drops. */
  setClient(client: ServerClient | null) {
    this.live = client;
  }

  /** Cached views changed: each tab showing one of the posts repaints it. */
  showViews(views: readonly CachedView[]) {
    this.tabs.pushViews(views.map(toOverlayView));
  }

  /** A message for every tab (an error not tied to one request, a session change). */
  notice(msg: BackgroundToContent) {
    this.tabs.broadcast(msg);
  }
}
