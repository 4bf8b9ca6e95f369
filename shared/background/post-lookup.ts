import type { Browser } from 'wxt/browser';
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
