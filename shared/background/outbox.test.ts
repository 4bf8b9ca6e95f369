import { describe, expect, it, vi } from 'vitest';
import { post } from '../../tests/server/harness.ts';
import {
  openTab,
  showPost,
  realServerSuite,
  waitOnline,
} from '../../tests/background/test-background.ts';
import type { ServerClient } from './server-link.ts';
import { storeConfirmed } from './view-cache.ts';
import type { LocalDb } from './local-db.ts';

describe('outbox (real server)', () => {
  const suite = realServerSuite('Outbox Co');

  const member = async (name: string) => {
    const m = await suite.org.member(name, 'member', ['Support']);
    const background = await suite.background(m.token);
    return { ...m, background };
  };
  /** Until the server has the post claimed by this member (its answer may not have come back). */
  const serverHolds = (postKey: string, memberId: string) =>
    vi.waitUntil(
      async () =>
        (await suite.org.admin.posts.get.query({ postKeys: [postKey] }))[0]?.claim?.holderId ===
        memberId,
      { timeout: 10_000 },
    );

  it('queues an action taken offline, shows it pending, and applies it once back online', async () => {
    const ana = await member('Ana');
    const tab = openTab(ana.background);
    const p = post('Where is my parcel?');
    await showPost(ana.background, tab, p);

    ana.background.connection.stop();
    const answer = await tab.act({ kind: 'claim', postKey: p.key });
    expect(answer).toMatchObject({ ok: true, queued: true });
    expect(tab.lastView(p.key)).toMatchObject({ pending: true, claim: { holderId: ana.id } });
    expect(await ana.background.ctx.db.outbox.count()).toBe(1);

    await ana.background.connection.start(ana.background.settings);
    await waitOnline(ana.background);
    expect(await ana.background.ctx.db.outbox.count()).toBe(0);
    const [onServer] = await suite.org.admin.posts.get.query({ postKeys: [p.key] });
    expect(onServer?.claim).toMatchObject({ holderId: ana.id });
    const cached = await ana.background.ctx.db.views.get(p.key);
    expect(cached?.pending).toBeUndefined();
    expect(cached?.claim?.token).toBe(onServer?.claim?.token);
  });

  it('applies a replayed action once: an answer lost on the way back is sent again, unchanged', async () => {
    const bea = await member('Bea');
    const tab = openTab(bea.background);
    const p = post('Refund please');
    await showPost(bea.background, tab, p);
    expect(await tab.act({ kind: 'claim', postKey: p.key })).toMatchObject({ ok: true });
    const { ctx } = bea.background;

    // The server applies "Mark answered", and the connection drops before its answer arrives.
    const real = ctx.client()!;
    ctx.setClient(answerLost(real, () => ctx.setClient(null)));
    const answer = tab.act({ kind: 'markAnswered', postKey: p.key });
    await vi.waitUntil(() => ctx.client() === null);
    await bea.background.outbox.drain();
    expect(await ctx.db.outbox.count()).toBe(1);
    const answered = (await suite.org.admin.posts.get.query({ postKeys: [p.key] }))[0]!;
    expect(answered).toMatchObject({ thread: { status: 'answered' }, claim: null });
    // Meanwhile the cache learns the claim ended (as the event stream tells it).
    await storeConfirmed(ctx.db, [answered]);

    ctx.setClient(real);
    await bea.background.outbox.drain();
    expect(await answer).toMatchObject({ ok: true });
    expect(await ctx.db.outbox.count()).toBe(0);
    expect(tab.received.filter((m) => m.type === 'notice')).toEqual([]);
    const after = (await suite.org.admin.posts.get.query({ postKeys: [p.key] }))[0]!;
    expect(after.thread.version).toBe(answered.thread.version);
    expect(await ctx.db.views.get(p.key)).toMatchObject({ thread: { status: 'answered' } });
  });

  it('rolls back an action the server refuses on replay, and says who holds the post', async () => {
    const ana = await member('Cai');
    const dan = await member('Dan');
    const tab = openTab(ana.background);
    const p = post('My account is locked');
    await showPost(ana.background, tab, p);

    ana.background.connection.stop();
    expect(await tab.act({ kind: 'claim', postKey: p.key })).toMatchObject({ queued: true });
    expect(tab.lastView(p.key)).toMatchObject({ pending: true, claim: { holderId: ana.id } });
    // Meanwhile Dan claims it.
    await dan.client.claims.acquire.mutate({ postKey: p.key });

    await ana.background.connection.start(ana.background.settings);
    await waitOnline(ana.background);
    const notice = await vi.waitUntil(() => tab.received.find((m) => m.type === 'notice'));
    expect(notice).toMatchObject({ level: 'error', postKey: p.key });
    expect(notice.type === 'notice' && notice.message).toContain('Dan');
    expect(await ana.background.ctx.db.outbox.count()).toBe(0);
    // The claim shown is the server's: Dan's (from the stream), never Cai's pending one.
    await vi.waitUntil(() => tab.lastView(p.key)?.claim?.holderId === dan.id);
    const cached = await ana.background.ctx.db.views.get(p.key);
    expect(cached).toMatchObject({ claim: { holderId: dan.id } });
    expect(cached?.pending).toBeUndefined();
    expect(cached?.confirmed).toBeUndefined();
  });

  it('sends an action with nothing queued ahead while it is stored, and settles it once stored', async () => {
    const eve = await member('Eve');
    const tab = openTab(eve.background);
    const p = post('Can I change my delivery address?');
    await showPost(eve.background, tab, p);
    const { ctx } = eve.background;

    // The outbox's writes wait behind another transaction until the server has the claim.
    const held = holdOutbox(ctx.db);
    const answer = tab.act({ kind: 'claim', postKey: p.key });
    await serverHolds(p.key, eve.id);
    expect(tab.received.some((m) => m.type === 'actionResult')).toBe(false);
    await held.release();

    expect(await answer).toMatchObject({ ok: true });
    expect(await ctx.db.outbox.count()).toBe(0);
    const [onServer] = await suite.org.admin.posts.get.query({ postKeys: [p.key] });
    const cached = await ctx.db.views.get(p.key);
    expect(cached?.pending).toBeUndefined();
    expect(cached?.claim?.token).toBe(onServer?.claim?.token);
    expect(tab.lastView(p.key)).toMatchObject({ claim: { holderId: eve.id } });
    expect(tab.lastView(p.key)?.pending).toBeUndefined();
  });

  it('shows a change made after the answer to an action sent ahead of its write', async () => {
    const hal = await member('Hal');
    const tab = openTab(hal.background);
    const p = post('Parcel arrived damaged');
    await showPost(hal.background, tab, p);
    const { ctx } = hal.background;

    const pushEvent = vi.spyOn(ctx.tabs, 'pushEvent');
    const held = holdOutbox(ctx.db);
    const answer = tab.act({ kind: 'claim', postKey: p.key });
    expect(tab.lastView(p.key)).toMatchObject({ pending: true, claim: { holderId: hal.id } });
    await serverHolds(p.key, hal.id);
    // A lead drops the claim while the claim's own write still waits; its event is in.
    await suite.org.admin.claims.override.mutate({ postKey: p.key });
    await vi.waitUntil(() =>
      pushEvent.mock.calls.some(([, view]) => view.thread.postKey === p.key && !view.claim),
    );
    await held.release();

    expect(await answer).toMatchObject({ ok: true });
    await hal.background.stream.settled();
    await vi.waitUntil(async () => (await ctx.db.outbox.count()) === 0);
    const cached = await ctx.db.views.get(p.key);
    expect(cached?.pending).toBeUndefined();
    expect(cached?.claim).toBeNull();
    expect(tab.lastView(p.key)).toMatchObject({ claim: null });
    expect(tab.lastView(p.key)?.pending).toBeUndefined();
  });

  it('rolls back an action sent ahead of its write only once the write is done', async () => {
    const fay = await member('Fay');
    const gus = await member('Gus');
    const tab = openTab(fay.background);
    const p = post('Wrong size delivered');
    await showPost(fay.background, tab, p);
    const { ctx } = fay.background;
    await gus.client.claims.acquire.mutate({ postKey: p.key });

    const held = holdOutbox(ctx.db);
    const answer = tab.act({ kind: 'claim', postKey: p.key });
    // Refused by the server while the write still waits: nothing is answered before it is done.
    await new Promise((r) => setTimeout(r, 200));
    expect(tab.received.some((m) => m.type === 'actionResult')).toBe(false);
    await held.release();

    const result = await answer;
    expect(result).toMatchObject({ ok: false });
    expect(result.error).toContain('Gus');
    expect(await ctx.db.outbox.count()).toBe(0);
    await vi.waitUntil(() => tab.lastView(p.key)?.claim?.holderId === gus.id);
    const cached = await ctx.db.views.get(p.key);
    expect(cached?.pending).toBeUndefined();
    expect(cached?.claim?.holderId).toBe(gus.id);
  });
});

/** The real client, except that `threads.markAnswered` reaches the server and its answer is lost. */
function answerLost(real: ServerClient, dropped: () => void): ServerClient {
  const markAnswered = {
    mutate: async (input: Parameters<ServerClient['threads']['markAnswered']['mutate']>[0]) => {
      await real.threads.markAnswered.mutate(input);
      dropped();
      throw new Error('connection closed');
    },
  };
  const threads = new Proxy(real.threads, {
    get: (target, prop) => (prop === 'markAnswered' ? markAnswered : Reflect.get(target, prop)),
  });
  return new Proxy(real, {
    get: (target, prop) => (prop === 'threads' ? threads : Reflect.get(target, prop)),
  });
}

/**
 * Keeps a read-write transaction on the outbox busy until `release`: the background's writes to
 * it (storing an action) wait behind it, as behind a slow disk.
 */
function holdOutbox(db: LocalDb) {
  let released = false;
  const done = db.transaction('rw', db.outbox, async () => {
    while (!released) await db.outbox.count();
  });
  return {
    async release() {
      released = true;
      await done;
    },
  };
}
