import type { Browser } from 'wxt/browser';
import type { PostRef } from '../domain/schemas/post.ts';
import type { ThreadView } from '../domain/schemas/thread.ts';
import type {
  BackgroundToContent,
  ContentToBackground,
  OverlayAction,
  OverlayView,
} from '../messaging/protocol.ts';
import { parseMessage, zContentToBackground } from '../messaging/schemas.ts';

type Port = Browser.runtime.Port;

export interface TabHubEvents {
  observe(posts: PostRef[], port: Port): void;
  action(port: Port, requestId: string, action: OverlayAction): void;
  /** A thread panel opened in the tab: answer with the post's story. */
  story(port: Port, requestId: string, postKey: string): void;
  /** A reply being typed in a site's box: answer with the watch phrases it contains. */
  draft(port: Port, requestId: string, postKey: string, text: string): void;
  connect(port: Port): void;
  interestChanged(): void;
}

/**
 * The tabs' ports and which posts each one shows, so the background looks posts up once across
 * tabs, pushes a view only to tabs that show it, and forgets a tab when it closes.
 */
export class TabHub {
  private readonly shown = new Map<Port, Map<string, PostRef>>();
  /** The view each post some tab shows was last pushed with. */
  private readonly pushed = new Map<string, OverlayView>();
  /** The id of the last event whose view was pushed as it arrived (pushEvent), per post. */
  private readonly eventPushed = new Map<string, number>();

  constructor(private readonly on: TabHubEvents) {}

  attach(port: Port) {
    this.shown.set(port, new Map());
    port.onMessage.addListener((raw: unknown) => {
      const msg = parseMessage(zContentToBackground, raw, 'a tab');
      if (msg) this.receive(port, msg);
    });
    port.onDisconnect.addListener(() => {
      const keys = [...(this.shown.get(port)?.keys() ?? [])];
      this.shown.delete(port);
      this.forgetHidden(keys);
      this.on.interestChanged();
    });
    this.on.connect(port);
  }

  private receive(port: Port, msg: ContentToBackground) {
    const posts = this.shown.get(port);
    if (!posts) return;
    if (msg.type === 'observe') {
      for (const p of msg.posts) posts.set(p.key, p);
      this.on.observe(msg.posts, port);
    } else if (msg.type === 'unobserve') {
      for (const key of msg.postKeys) posts.delete(key);
      this.forgetHidden(msg.postKeys);
      this.on.interestChanged();
    } else if (msg.type === 'action') {
      this.on.action(port, msg.requestId, msg.action);
    } else if (msg.type === 'story') {
      this.on.story(port, msg.requestId, msg.postKey);
    } else if (msg.type === 'draft') {
      this.on.draft(port, msg.requestId, msg.postKey, msg.text);
    }
  }

  /** Every post some tab shows now. */
  visible(): Map<string, PostRef> {
    const all = new Map<string, PostRef>();
    for (const posts of this.shown.values()) for (const [k, p] of posts) all.set(k, p);
    return all;
  }

  portOfTab(tabId: number): Port | null {
    for (const port of this.shown.keys()) if (port.sender?.tab?.id === tabId) return port;
    return null;
  }

  isVisible(postKey: string): boolean {
    for (const posts of this.shown.values()) if (posts.has(postKey)) return true;
    return false;
  }

  send(port: Port, msg: BackgroundToContent) {
    try {
      port.postMessage(msg);
    } catch {
      this.shown.delete(port); // the tab went away between two messages
    }
  }

  broadcast(msg: BackgroundToContent) {
    for (const port of [...this.shown.keys()]) this.send(port, msg);
  }

  /**
   * Each tab gets the views of the posts it shows, in one message. `burst`: of posts just seen,
   * one event at a time (the tab may wait a moment for the rest: overlay-port.ts).
   */
  pushViews(views: readonly OverlayView[], burst = false) {
    if (views.length === 0) return;
    for (const v of views)
      if (this.isVisible(v.thread.postKey)) this.pushed.set(v.thread.postKey, v);
    for (const [port, posts] of this.shown) {
      const mine = views.filter((v) => posts.has(v.thread.postKey));
      if (mine.length) this.send(port, { type: 'views', views: mine, ...(burst && { burst }) });
    }
  }

  /**
   * Pushes an event's view as it arrives from the server, ahead of the cache (IndexedDB takes
   * milliseconds, and a lock drawn late is a second member answering: issue 11). Not over a
   * queued action's view, a newer version, or a later event. Says whether it pushed.
   */
  pushEvent(eventId: number, view: ThreadView, burst = false): boolean {
    const key = view.thread.postKey;
    if (!this.isVisible(key) || eventId <= (this.eventPushed.get(key) ?? -1)) return false;
    const last = this.pushed.get(key);
    if (last?.pending || (last && last.thread.version > view.thread.version)) return false;
    this.eventPushed.set(key, eventId);
    this.pushViews([{ thread: view.thread, claim: view.claim }], burst);
    return true;
  }

  /** The view a post some tab shows was last pushed with (what the member sees), if any. */
  shownView(postKey: string): OverlayView | undefined {
    return this.pushed.get(postKey);
  }

  /** The id of the last event pushEvent showed for the post, or -1. */
  lastEventPushed(postKey: string): number {
    return this.eventPushed.get(postKey) ?? -1;
  }

  private forgetHidden(keys: Iterable<string>) {
    for (const key of keys)
      if (!this.isVisible(key)) {
        this.pushed.delete(key);
        this.eventPushed.delete(key);
      }
  }
}
