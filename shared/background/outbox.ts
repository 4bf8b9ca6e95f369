import type { BackgroundToContent, OverlayAction } from '../messaging/protocol.ts';
import type { BackgroundContext } from './background-context.ts';
import type { CachedView, OutboxEntry } from './local-db.ts';
import type { ThreadView } from '../domain/schemas/thread.ts';
import { applyOptimistic } from './optimistic.ts';
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
   * The entry `perform` just queued when nothing was ahead of it, with the view it was queued
   * against: the drain sends it without reading both back from IndexedDB, and, when `perform`
   * sends it at once, without waiting for it to be written (issue 11).
   */
  private next: { entry: OutboxEntry; view: CachedView } | null = null;
  /** The last drain found the outbox empty and nothing was performed since. */
  private idle = false;
  private performed = 0;

  constructor(private readonly ctx: BackgroundContext) {}

  async perform(action: OverlayAction, requestId: string, reply: Reply) {
    const me = this.ctx.session.me;
    if (!me) return reply(refused(requestId, 'sign in to Switchboard first'));
    this.performed++;
    const clientMutationId = crypto.randomUUID();
    const visible = this.ctx.tabs.isVisible(action.postKey);
    const shown = visible ? this.ctx.tabs.shownView(action.postKey) : undefined;
    const early = shown && this.idle && !this.draining && this.ctx.client();
    this.idle = false;
    const entry: OutboxEntry = { clientMutationId, action, createdAt: this.ctx.now() };
    if (early) {
      // Nothing is queued ahead: send it, against the view the member sees, while it is being
      // stored. Its answer settles in a transaction IndexedDB runs after the one storing it (both
      // write the outbox, and the store's began first), and a replay is applied once
      // (clientMutationId).
      const known = { postKey: action.postKey, thread: shown.thread, claim: shown.claim };
      const stored = this.store(action, me, entry, known, false);
      this.next = { entry, view: known };
      // Shown pending at once, as the stored view will be: the tabs take no event's view over
      // it (TabHub.pushEvent) until the cache has both.
      this.ctx.showViews([pendingView(known, action, me, this.ctx)]);
      this.waiting.set(clientMutationId, { requestId, reply });
      void this.drain();
      const cached = await stored;
      if (cached) this.ctx.showViews([cached]);
      return;
    }
    // A post a tab shows is in the cache, read inside the write; another (a toast's "Claim") is
    // looked up first, as is a shown post the cache has lost.
    let cached = visible ? await this.store(action, me, entry, undefined, true) : null;
    if (!cached) {
      const known =
        (await this.ctx.db.views.get(action.postKey)) ?? (await this.fetchView(action.postKey));
      if (known) cached = await this.store(action, me, entry, known, true);
    }
    if (!cached) return reply(refused(requestId, 'this post is not loaded yet'));
    this.ctx.showViews([cached]);
    if (this.ctx.client()) this.waiting.set(clientMutationId, { requestId, reply });
    else reply({ type: 'actionResult', requestId, ok: true, queued: true });
    void this.drain();
  }

  /**
   * Queues the action (`entry`, whose `seq` it sets) and shows its outcome in one transaction;
   * null when the post is unknown. `offer`: the drain may take it from here if it is alone.
   */
  private store(
    action: OverlayAction,
    me: NonNullable<BackgroundContext['session']['me']>,
    entry: OutboxEntry,
    known: CachedView | undefined,
    offer: boolean,
  ) {
    const { db } = this.ctx;
    // Read inside the write: an event stored meanwhile is what the action applies to.
    return db.transaction('rw', db.outbox, db.views, async () => {
      const view = (await db.views.get(action.postKey)) ?? known;
      if (!view) return null;
      const next = pendingView(view, action, me, this.ctx);
      const alone = (await db.outbox.count()) === 0;
      entry.seq = await db.outbox.add(entry);
      await db.views.put(next);
      if (offer && alone && !this.next) this.next = { entry, view: next };
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
    return this.ctx.lookups.lookUp(
      () => client.posts.get.query({ postKeys: [postKey] }).catch(() => []),
      async (views, store) => (await store(views))[0],
    );
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
      const performed = this.performed;
      const next = this.next;
      this.next = null;
      const entry = next?.entry ?? (await db.outbox.orderBy('seq').first());
      if (!client || !me || !entry) {
        this.idle = !!client && !!me && !entry && this.performed === performed;
        return;
      }
      const view = next?.view ?? (await db.views.get(entry.action.postKey));
      const base = view?.confirmed ?? view;
      const waiter = this.waiting.get(entry.clientMutationId);
      try {
        if (!base) throw new Error('this post is no longer cached');
        const current = { thread: base.thread, claim: base.claim };
        // Its answer can arrive after the event of a later change (ViewLookups).
        const result = await this.ctx.lookups.lookUp(
          () =>
            executeAction(
              client,
              entry,
              current,
              me,
              (token) => {
                entry.token = token; // for the write of an entry sent at once, if still to come
                return outboxEntry(db, entry)
                  .modify({ token })
                  .then(() => undefined);
              },
              this.ctx.now(),
            ),
          async (answer, _store, latest) => {
            await this.settle(entry, answer, latest);
            return answer;
          },
        );
        waiter?.reply({ type: 'actionResult', requestId: waiter.requestId, ok: true });
        if (waiter && entry.action.kind === 'claim')
          this.showGuidelines(result.thread, waiter.reply);
      } catch (e) {
        if (!serverCode(e) && !this.ctx.client()) return; // not reached: keep it for later
        await this.settle(entry, null);
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

  /**
   * Removes a sent entry; the view becomes the server's answer (or rolls back) unless more wait.
   * Found by its client-made id: an entry sent at once may still be on its way to the outbox, in
   * a transaction IndexedDB finishes before this one. `latest`: an event's view that overtook
   * the answer (ViewLookups).
   */
  private async settle(
    entry: OutboxEntry,
    result: ThreadView | null,
    latest: (view: ThreadView) => ThreadView = (view) => view,
  ) {
    const { db } = this.ctx;
    const { postKey } = entry.action;
    const view = await db.transaction('rw', db.outbox, db.views, async () => {
      await outboxEntry(db, entry).delete();
      const old = await db.views.get(postKey);
      if (!old) return null;
      let confirmed = result
        ? latest(result)
        : (old.confirmed ?? { thread: old.thread, claim: old.claim });
      // A claim's answer repeats the thread it was sent against: a change the stream brought
      // while it waited (a newer version, kept in `confirmed`) is not rolled back by it.
      const known = old.confirmed;
      if (result && known && known.thread.version > confirmed.thread.version)
        confirmed = { thread: known.thread, claim: confirmed.claim };
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

/** How a view shows while `action` waits to be confirmed: its outcome, and what to roll back to. */
function pendingView(
  view: CachedView,
  action: OverlayAction,
  me: NonNullable<BackgroundContext['session']['me']>,
  ctx: BackgroundContext,
): CachedView {
  return {
    ...view,
    ...applyOptimistic(view, action, me, ctx.session, ctx.now()),
    confirmed: view.confirmed ?? { thread: view.thread, claim: view.claim },
    pending: true,
  };
}

/** A queued entry, by the id it was made with (its `seq` is known only once it is stored). */
function outboxEntry(db: BackgroundContext['db'], entry: OutboxEntry) {
  return db.outbox.where('clientMutationId').equals(entry.clientMutationId);
}

function refused(requestId: string, error: string): BackgroundToContent {
  return { type: 'actionResult', requestId, ok: false, error };
}
