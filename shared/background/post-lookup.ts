import Dexie from 'dexie';
import type { Browser } from 'wxt/browser';
import { platformOfPage } from '../domain/post-url.ts';
import type { PostRef } from '../domain/schemas/post.ts';
import type { BackgroundContext } from './background-context.ts';
import type { CachedView } from './local-db.ts';
import { errorMessage, serverCode } from './server-link.ts';
import { toOverlayView } from './view-cache.ts';

/** The most posts one `posts.observe` call carries (the server's input bound). */
const OBSERVE_BATCH = 200;
/** Posts that several tabs (or one scroll) report within this window go in one call. */
const GATHER_MS = 10;
/**
 * A new tab of a site gets the views of the posts last seen on it, up to this many: about a
 * feed's worth (a person reloading, or coming back to a timeline, sees much the same posts).
 */
export const RECENT_VIEWS = 400;
/** Posts remembered as seen, newest first; older ones are forgotten as a tab opens. */
const SEEN_KEPT = 5_000;

/**
 * Visible posts: painted from the cache at once, then looked up on the server in batches across
 * tabs (`posts.observe` registers and routes unknown posts). A batch the server never got is
 * asked again on reconnect.
 */
export class PostLookup {
  private readonly toObserve = new Map<string, PostRef>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ctx: BackgroundContext) {}

  /** A tab shows these posts: paint what the cache knows, ask the server for the truth. */
  async observe(posts: readonly PostRef[], port: Browser.runtime.Port) {
    const cached = (await this.ctx.db.views.bulkGet(posts.map((p) => p.key))).filter(
      (v): v is CachedView => !!v,
    );
    if (cached.length)
      this.ctx.tabs.send(port, { type: 'views', views: cached.map(toOverlayView) });
    for (const p of posts) this.toObserve.set(p.key, p);
    this.schedule(GATHER_MS);
    const at = this.ctx.now();
    await this.ctx.db.seen.bulkPut(
      posts.map((p) => ({ postKey: p.key, platform: p.platform, at })),
    );
  }

  /**
   * A tab of a site connected: the views of the posts this browser showed last on that site, so
   * a post seen before is drawn as the cache knows it in the page's own frame, as it appears,
   * not "Loading…" first and its badge in a frame of its own after a round trip (issue 15). The
   * server's view follows as for any post the tab observes, and corrects it if it changed.
   */
  async preload(port: Browser.runtime.Port) {
    const platform = platformOfPage(port.sender?.url);
    if (!platform || this.ctx.session.get().connection === 'signed-out') return;
    const { db } = this.ctx;
    const keys = await db.seen
      .where('[platform+at]')
      .between([platform, Dexie.minKey], [platform, Dexie.maxKey])
      .reverse()
      .limit(RECENT_VIEWS)
      .primaryKeys();
    const views = (await db.views.bulkGet(keys)).filter((v): v is CachedView => !!v);
    if (views.length) this.ctx.tabs.send(port, { type: 'views', views: views.map(toOverlayView) });
    const oldest = await db.seen.orderBy('at').reverse().offset(SEEN_KEPT).first();
    if (oldest) await db.seen.where('at').belowOrEqual(oldest.at).delete();
  }

  /** Back online: every post a tab shows now is looked up again. */
  lookUpVisible() {
    for (const [key, post] of this.ctx.tabs.visible()) this.toObserve.set(key, post);
    this.schedule(0);
  }

  private schedule(delay: number) {
    if (this.timer || !this.ctx.client()) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async flush() {
    const client = this.ctx.client();
    if (!client || this.toObserve.size === 0) return;
    const batch = [...this.toObserve.values()].slice(0, OBSERVE_BATCH);
    for (const p of batch) this.toObserve.delete(p.key);
    try {
      await this.ctx.lookups.lookUp(
        () => client.posts.observe.mutate({ posts: batch }),
        async (views, store) => this.ctx.showViews(await store(views)),
      );
    } catch (e) {
      if (!serverCode(e))
        for (const p of batch) this.toObserve.set(p.key, p); // retry on reconnect
      else console.warn('Switchboard: posts.observe refused', errorMessage(e));
    }
    if (this.toObserve.size) this.schedule(0);
  }
}
