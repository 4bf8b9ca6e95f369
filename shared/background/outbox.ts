import type { BackgroundToContent, OverlayAction } from '../messaging/protocol.ts';
import type { BackgroundContext } from './background-context.ts';
import type { CachedView, OutboxEntry } from './local-db.ts';
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
  /**
   * The entry `perform` just stored when it was the only one, with the view it stored: the
   * drain sends it without reading both back from IndexedDB (a transaction each, milliseconds
   * on the way of every click: issue 11).
   */
  private justStored: { entry: OutboxEntry; view: CachedView } | null = null;

  constructor(private readonly ctx: BackgroundContext) {}

  async perform(action: OverlayAction, requestId: string, reply: Reply) {
    const me = this.ctx.session.me;
    if (!me) return reply(refused(requestId, 'sign in to Switchboard first'));
    const clientMutationId = crypto.randomUUID();
    // A post a tab shows is in the cache, read inside the write; another (a toast's "Claim") is
    // looked up first, as is a shown post the cache has lost.
    let cached = this.ctx.tabs.isVisible(action.postKey)
      ? await this.store(action, me, clientMutationId, undefined)
      : null;
    if (!cached) {
      const known =
        (await this.ctx.db.views.get(action.postKey)) ?? (await this.fetchView(action.postKey));
      if (known) cached = await this.store(action, me, clientMutationId, known);
    }
    if (!cached) return reply(refused(requestId, 'this post is not loaded yet'));
    this.ctx.showViews([cached]);
    if (this.ctx.client()) this.waiting.set(clientMutationId, { requestId, reply });
    else reply({ type: 'actionResult', requestId, ok: true, queued: true });
    void this.drain();
  }

  /** Queues the action and shows its outcome in one transaction; null when the post is unknown. */
  private store(
    action: OverlayAction,
    me: NonNullable<BackgroundContext['session']['me']>,
    clientMutationId: string,
    known: CachedView | undefined,
  ) {
    const { db } = this.ctx;
    // Read inside the write: an event stored meanwhile is what the action applies to.
    return db.transaction('rw', db.outbox, db.views, async () => {
      const view = (await db.views.get(action.postKey)) ?? known;
      if (!view) return null;
      const shown = applyOptimistic(view, action, me, this.ctx.session, this.ctx.now());
      const next: CachedView = {
        ...view,
        ...shown,
        confirmed: view.confirmed ?? { thread: view.thread, claim: view.claim },
        pending: true,
      };
      const entry: OutboxEntry = { clientMutationId, action, createdAt: this.ctx.now() };
      const alone = (await db.outbox.count()) === 0;
      entry.seq = await db.outbox.add(entry);
      await db.views.put(next);
      this.justStored = alone ? { entry, view: next } : null;
      return next;
    });
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
      const stored = this.justStored;
      this.justStored = null;
      const entry = stored?.entry ?? (await db.outbox.orderBy('seq').first());
      if (!client || !me || !entry) return;
      const view = stored?.view ?? (await db.views.get(entry.action.postKey));
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

function refused(requestId: string, error: string): BackgroundToContent {
  return { type: 'actionResult', requestId, ok: false, error };
}
