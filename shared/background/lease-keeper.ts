import type { BackgroundContext } from './background-context.ts';
import type { CachedView } from './local-db.ts';
import { errorMessage, serverCode } from './server-link.ts';

export const RENEW_EVERY_MS = 30_000;
/** A post out of every tab this long is let go (a tab reload or SPA re-render is quicker). */
export const RELEASE_AFTER_MS = 5_000;

/**
 * Keeps my claims alive while a tab shows the post (renewed about every 30 s of a 90 s lease)
 * and releases them once no tab does. If the browser dies, the lease simply expires.
 */
export class LeaseKeeper {
  private readonly hiddenSince = new Map<string, number>();
  private lastRenew = 0;
  private ticking: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: BackgroundContext) {}

  /**
   * A tab shows these posts (again): a later exit counts its 5 s afresh. Ticks run when a post
   * leaves a tab, not when one comes back, so without this a post that left, came back and left
   * again was let go 5 s after its first exit.
   */
  shown(postKeys: Iterable<string>) {
    for (const key of postKeys) this.hiddenSince.delete(key);
  }

  /**
   * One tick at a time (the timer and a tab closing both start one): two at once would both
   * release a post, and the second would tell the user the claim was lost.
   */
  tick(now = this.ctx.now()): Promise<void> {
    this.ticking = this.ticking
      .then(() => this.run(now))
      .catch((e) => console.warn('Switchboard: lease tick failed', e));
    return this.ticking;
  }

  private async run(now: number) {
    const { db } = this.ctx;
    const client = this.ctx.client();
    const me = this.ctx.session.me;
    if (!client || !me) return;
    const mine = (await db.views.where('claim.holderId').equals(me.id).toArray()).filter(
      (v) => v.claim!.token > 0 && !v.pending,
    );
    const renewDue = now - this.lastRenew >= RENEW_EVERY_MS - 1_000;
    if (renewDue) this.lastRenew = now;
    for (const view of mine) {
      const { postKey } = view;
      const token = view.claim!.token;
      if (this.ctx.tabs.isVisible(postKey)) {
        this.hiddenSince.delete(postKey);
        if (renewDue) await this.call(view, () => client.claims.renew.mutate({ postKey, token }));
        continue;
      }
      const since = this.hiddenSince.get(postKey) ?? now;
      this.hiddenSince.set(postKey, since);
      if (now - since < RELEASE_AFTER_MS) continue;
      this.hiddenSince.delete(postKey);
      await this.call(view, () => client.claims.release.mutate({ postKey, token }));
    }
  }

  private async call(view: CachedView, fn: () => Promise<unknown>) {
    try {
      await fn();
    } catch (e) {
      if (!serverCode(e)) return; // offline: try again next tick
      // Overridden or expired and taken: show what is true now, and say so.
      const client = this.ctx.client();
      if (client)
        await this.ctx.lookups.lookUp(
          () => client.posts.get.query({ postKeys: [view.postKey] }),
          async (fresh, store) => this.ctx.showViews(await store(fresh)),
        );
      this.ctx.notice({
        type: 'notice',
        level: 'error',
        message: `Your claim was lost: ${errorMessage(e)}`,
        postKey: view.postKey,
      });
    }
  }
}
