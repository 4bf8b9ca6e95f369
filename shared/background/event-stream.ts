import type { SyncEvent } from '../domain/schemas/event.ts';
import type { BackgroundContext } from './background-context.ts';
import { backoffMs } from './server-link.ts';
import type { ServerClient } from './server-link.ts';
import { storeConfirmed } from './view-cache.ts';
import { applyDepartmentChange } from './department-sync.ts';

/**
 * The server's event stream: one subscription per connection, resumed from the cursor in
 * IndexedDB (it outlives the service worker). Events are applied strictly in arrival order, and
 * the cursor moves only after the cache has the change, so a stopped worker loses nothing.
 */
export class EventStream {
  private client: ServerClient | null = null;
  private unsubscribe: (() => void) | null = null;
  private applying: Promise<void> = Promise.resolve();
  /** Bumped when the stream restarts: events queued by the old subscription are dropped. */
  private generation = 0;
  /** Subscribing again after the server ended the stream, and how often that failed running. */
  private restart: ReturnType<typeof setTimeout> | undefined;
  private endings = 0;

  constructor(
    private readonly ctx: BackgroundContext,
    private readonly onEvent: (event: SyncEvent) => void,
  ) {}

  /** Subscribes once; tRPC's client resubscribes from the last id by itself after a reconnect. */
  async start(client: ServerClient) {
    if (this.unsubscribe) return;
    this.client = client;
    const generation = this.generation;
    const cursor = await this.ctx.db.getMeta<string>('cursor');
    if (generation !== this.generation || this.unsubscribe) return; // stopped, or started, meanwhile
    const sub = client.events.stream.subscribe(
      { lastEventId: cursor ?? null },
      {
        onData: ({ id, data }) => {
          this.endings = 0;
          // Shown at once; the cache (and the cursor) follow in order below.
          if (data.thread) {
            const view = { thread: data.thread, claim: data.claim };
            this.ctx.lookups.eventArrived(view);
            // A batch of new posts comes as one event per post (post.seen, or thread.routed when a
            // rule routed it); a tab holds a post's first view a moment for the rest. (A later
            // routing is marked too, and applied at once: the tab has that post's view.)
            const seen = data.type === 'post.seen' || data.type === 'thread.routed';
            this.ctx.tabs.pushEvent(Number(id), view, seen);
          }
          void this.apply(id, data, generation);
        },
        onError: (e) => {
          console.warn('Switchboard: event stream failed; subscribing again', e);
          this.ended(generation);
        },
        onComplete: () => this.ended(generation),
      },
    );
    this.unsubscribe = () => sub.unsubscribe();
  }

  /**
   * The server ended the subscription (refused it, as a restarted server whose database is not
   * back yet does, or stopped it): tRPC's client resubscribes only after a reconnect, so without
   * this the background would stay online and hear nothing. Again from the cursor, with backoff.
   */
  private ended(generation: number) {
    const client = this.client;
    if (generation !== this.generation || !client) return; // stopped or restarted here
    const attempt = this.endings++;
    this.stop();
    this.restart = setTimeout(() => void this.start(client), backoffMs(attempt));
  }

  stop() {
    clearTimeout(this.restart);
    this.restart = undefined;
    this.generation++;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.client = null;
  }

  /** Resolves once every event received so far is in the cache. */
  settled(): Promise<void> {
    return this.applying;
  }

  private apply(id: string, event: SyncEvent, generation: number) {
    this.applying = this.applying.then(async () => {
      if (generation !== this.generation) return;
      try {
        await this.write(id, event);
      } catch (e) {
        // The cursor stayed before this event: start again from it rather than skip it.
        console.warn('Switchboard: could not apply an event; resuming from the cursor', e);
        const client = this.client;
        this.stop();
        if (client) await this.start(client);
      }
    });
    return this.applying;
  }

  private async write(id: string, event: SyncEvent) {
    const { db } = this.ctx;
    // Only posts some tab has shown are cached; the others are fetched when they are shown.
    const key = event.thread?.postKey;
    if (event.thread && key && (await db.views.get(key))) {
      const [stored] = await storeConfirmed(db, [{ thread: event.thread, claim: event.claim }]);
      // The tabs have this event's view already (pushEvent), or a later event's: repaint only
      // when the cache kept something else (a queued action, a newer version).
      const early = this.ctx.tabs.lastEventPushed(key);
      const same = !stored!.pending && stored!.thread.version === event.thread.version;
      if (early < event.id || (early === event.id && !same)) this.ctx.showViews([stored!]);
    }
    if (event.type === 'department.changed') await applyDepartmentChange(this.ctx, event);
    await db.setMeta('cursor', id);
    this.onEvent(event);
  }
}
