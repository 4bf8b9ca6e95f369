import type { BackgroundToContent, OverlayAction } from '../messaging/protocol.ts';
import type { BackgroundContext } from './background-context.ts';
import type { CachedView } from './local-db.ts';
import { applyOptimistic } from './optimistic.ts';
import { storeConfirmed } from './view-cache.ts';
import { executeAction } from './execute-action.ts';
import { errorMessage, serverCode } from './server-link.ts';

type Reply = (msg: BackgroundToContent) => void;

/**
 * Every action goes through the outbox: stored with a client-made id, shown at once as pending,
 * sent in order when the server is reachable, applied once however often it is replayed, and
 * rolled back (and the user told) when the server refuses it.
 */
export class Outbox {
  private readonly waiting = new Map<string, { requestId: string; reply: Reply }>();
  private draining: Promise<void> | null = null;

  constructor(private readonly ctx: BackgroundContext) {}

  async perform(action: OverlayAction, requestId: string, reply: Reply) {
    const { db } = this.ctx;
    const me = this.ctx.session.me;
    const known = (await db.views.get(action.postKey)) ?? (await this.fetchView(action.postKey));
    if (!me || !known) {
      reply({
        type: 'actionResult',
        requestId,
        ok: false,
        error: me ? 'this post is not loaded yet' : 'sign in to Switchboard first',
      });
      return;
    }
    const clientMutationId = crypto.randomUUID();
    // Read again inside the write: an event stored meanwhile is what the action applies to.
    const cached = await db.transaction('rw', db.outbox, db.views, async () => {
      const view = (await db.views.get(action.postKey)) ?? known;
      const shown = applyOptimistic(view, action, me, this.ctx.session, this.ctx.now());
      const next: CachedView = {
        ...view,
        ...shown,
        confirmed: view.confirmed ?? { thread: view.thread, claim: view.claim },
        pending: true,
      };
      await db.outbox.add({ clientMutationId, action, createdAt: this.ctx.now() });
      await db.views.put(next);
      return next;
    });
    this.ctx.showViews([cached]);
    if (this.ctx.client()) this.waiting.set(clientMutationId, { requestId, reply });
    else reply({ type: 'actionResult', requestId, ok: true, queued: true });
    void this.drain();
  }

  /** A member who claims a post is shown its department's dos, don'ts and tone (as set now). */
  private async showGuidelines(thread: CachedView['thread'], reply: Reply) {
    const client = this.ctx.client();
    const all = client
      ? await client.departments.list.query().catch(() => this.ctx.session.departments)
      : this.ctx.session.departments;
    const department = all.find((d) => d.id === thread.departmentId);
    const g = department?.guidelines;
    if (!department || !g || (!g.dos.length && !g.donts.length && !g.tone)) return;
    reply({ type: 'guidelines', postKey: thread.postKey, department });
  }

  /** A post no tab has shown yet (a toast's "Claim"): ask the server for it. */
  private async fetchView(postKey: string) {
    const client = this.ctx.client();
    if (!client) return undefined;
    const views = await client.posts.get.query({ postKeys: [postKey] }).catch(() => []);
    return (await storeConfirmed(this.ctx.db, views))[0];
  }

  /** Sends queued actions in order; stops (keeping them) when the connection drops. */
  drain(): Promise<void> {
    this.draining ??= this.run().finally(() => (this.draining = null));
    return this.draining;
  }

  pending(): Promise<number> {
    return this.ctx.db.outbox.count();
  }

  private async run() {
    const { db } = this.ctx;
    for (;;) {
      const client = this.ctx.client();
      const me = this.ctx.session.me;
      const entry = await db.outbox.orderBy('seq').first();
      if (!client || !me || !entry) return;
      const view = await db.views.get(entry.action.postKey);
      const base = view?.confirmed ?? view;
      const waiter = this.waiting.get(entry.clientMutationId);
      try {
        if (!base) throw new Error('this post is no longer cached');
        const current = { thread: base.thread, claim: base.claim };
        const result = await executeAction(
          client,
          entry,
          current,
          me,
          (token) => db.outbox.update(entry.seq!, { token }).then(() => undefined),
          this.ctx.now(),
        );
        await this.settle(entry.seq!, entry.action.postKey, result);
        waiter?.reply({ type: 'actionResult', requestId: waiter.requestId, ok: true });
        if (waiter && entry.action.kind === 'claim')
          this.showGuidelines(result.thread, waiter.reply);
      } catch (e) {
        if (!serverCode(e) && !this.ctx.client()) return; // not reached: keep it for later
        await this.settle(entry.seq!, entry.action.postKey, null);
        const error = errorMessage(e);
        if (waiter)
          waiter.reply({ type: 'actionResult', requestId: waiter.requestId, ok: false, error });
        else
          this.ctx.notice({
            type: 'notice',
            level: 'error',
            message: error,
            postKey: entry.action.postKey,
          });
      }
      this.waiting.delete(entry.clientMutationId);
    }
  }

  /** Removes a sent entry; the view becomes the server's answer (or rolls back) unless more wait. */
  private async settle(
    seq: number,
    postKey: string,
    result: { thread: CachedView['thread']; claim: CachedView['claim'] } | null,
  ) {
    const { db } = this.ctx;
    const view = await db.transaction('rw', db.outbox, db.views, async () => {
      await db.outbox.delete(seq);
      const old = await db.views.get(postKey);
      if (!old) return null;
      const confirmed = result ?? old.confirmed ?? { thread: old.thread, claim: old.claim };
      const stillQueued = (await db.outbox.filter((e) => e.action.postKey === postKey).count()) > 0;
      const next: CachedView = stillQueued
        ? { ...old, confirmed }
        : { postKey, thread: confirmed.thread, claim: confirmed.claim };
      await db.views.put(next);
      return next;
    });
    if (view) this.ctx.showViews([view]);
  }
}
