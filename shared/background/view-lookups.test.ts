import { describe, expect, it, vi } from 'vitest';
import { post } from '../../tests/server/harness.ts';
import { openTab, realServerSuite, showPost } from '../../tests/background/test-background.ts';
import type { ServerClient } from './server-link.ts';
import type { CachedView } from './local-db.ts';

describe('lookups racing the event stream (real server)', () => {
  const suite = realServerSuite('Lookup Race Co');

  /**
   * Ben's background shows a post; its next `posts.observe` is answered by the server first, then
   * Ana claims the post, and only once Ben's tab shows her claim (the event came first) does
   * the older answer arrive: as after a server restart, when both browsers reconnect at once.
   */
  async function overtaken() {
    const ana = await suite.org.member('Ana', 'member', ['Support']);
    const ben = await suite.org.member('Ben', 'member', ['Support']);
    const b = await suite.background(ben.token);
    const tab = openTab(b);
    const p = post('Is the store open on Sunday?');
    await showPost(b, tab, p);
    expect(tab.lastView(p.key)?.claim).toBeNull();

    const real = b.ctx.client()!;
    let answered = false;
    const observe = async (input: Parameters<ServerClient['posts']['observe']['mutate']>[0]) => {
      const answer = await real.posts.observe.mutate(input);
      expect(answer[0]?.claim).toBeNull();
      await ana.client.claims.acquire.mutate({ postKey: p.key });
      await vi.waitUntil(() => tab.lastView(p.key)?.claim?.holderId === ana.id, { timeout: 5_000 });
      answered = true;
      return answer;
    };
    b.ctx.setClient(
      new Proxy(real, {
        get: (target, key) =>
          key === 'posts'
            ? { ...real.posts, observe: { mutate: observe } }
            : Reflect.get(target, key),
      }),
    );
    return { ana, b, tab, p, answered: () => answered };
  }

  it('keeps the claim an event brought over a lookup answered before it', async () => {
    const { ana, b, tab, p, answered } = await overtaken();
    const shown = vi.spyOn(b.ctx, 'showViews');
    b.lookup.lookUpVisible();
    // The lookup's answer has been handled once the background shows (or declines to show) it.
    await vi.waitUntil(() => answered() && shown.mock.calls.length > 0, { timeout: 10_000 });
    await b.stream.settled();
    expect(tab.lastView(p.key)?.claim).toMatchObject({ holderId: ana.id, holderName: 'Ana' });
    expect((await b.ctx.db.views.get(p.key))?.claim).toMatchObject({ holderId: ana.id });
  });

  it('stores an answer, with the view of a post an event overtook taken from the event', async () => {
    const ben = await suite.org.member('Bo', 'member', ['Support']);
    const b = await suite.background(ben.token);
    const tab = openTab(b);
    const [p1, p2] = [post('Where is my parcel?'), post('Do you ship to Norway?')];
    await showPost(b, tab, p1);
    await showPost(b, tab, p2);
    const sales = suite.org.departments.Sales!.id;
    const real = b.ctx.client()!;
    const stored = await b.ctx.lookups.lookUp(
      async () => {
        const views = await real.posts.get.query({ postKeys: [p1.key, p2.key] });
        // p2 is routed after the answer was read; its event reaches Ben first.
        await suite.org.admin.threads.assign.mutate({ postKey: p2.key, departmentId: sales });
        await vi.waitUntil(() => tab.lastView(p2.key)?.thread.departmentId === sales, {
          timeout: 5_000,
        });
        return views;
      },
      (views, store) => store(views),
    );
    expect(stored.map((v) => [v.postKey, v.thread.departmentId])).toEqual([
      [p1.key, null],
      [p2.key, sales],
    ]);
    await b.stream.settled();
    expect((await b.ctx.db.views.get(p2.key))?.thread.departmentId).toBe(sales);
    expect(tab.lastView(p2.key)?.thread.departmentId).toBe(sales);
  });

  /** A background whose client runs `after` once the real call has been answered. */
  function delayAnswers(
    b: Awaited<ReturnType<typeof suite.background>>,
    group: 'claims' | 'threads',
    name: 'acquire' | 'assign',
    after: () => Promise<void>,
  ) {
    const real = b.ctx.client()!;
    const procedures = real[group] as unknown as Record<string, { mutate(i: unknown): unknown }>;
    const mutate = async (input: unknown) => {
      const answer = await procedures[name]!.mutate(input);
      await after();
      return answer;
    };
    b.ctx.setClient(
      new Proxy(real, {
        get: (target, key) =>
          key === group
            ? new Proxy(real[group], {
                get: (t, k) => (k === name ? { mutate } : Reflect.get(t, k)),
              })
            : Reflect.get(target, key),
      }),
    );
  }

  /** A member's background with a tab showing a new post, and Sales' id. */
  async function showing(token: string, text: string) {
    const b = await suite.background(token);
    const tab = openTab(b);
    const p = post(text);
    await showPost(b, tab, p);
    /** Waits until the cache holds, beside a queued action, a change the stream brought. */
    const streamed = (has: (confirmed: CachedView['confirmed']) => boolean) =>
      vi.waitUntil(async () => has((await b.ctx.db.views.get(p.key))?.confirmed), {
        timeout: 5_000,
      });
    return { b, tab, p, streamed, sales: suite.org.departments.Sales!.id };
  }

  it("keeps a routing the stream brought while a claim's answer was out", async () => {
    const ana = await suite.org.member('Ann', 'member', ['Support']);
    const { b, tab, p, streamed, sales } = await showing(ana.token, 'Can I pay by invoice?');
    delayAnswers(b, 'claims', 'acquire', async () => {
      await suite.org.admin.threads.assign.mutate({ postKey: p.key, departmentId: sales });
      await streamed((confirmed) => confirmed?.thread.departmentId === sales);
    });
    expect(await tab.act({ kind: 'claim', postKey: p.key })).toMatchObject({ ok: true });
    await b.outbox.drain();
    const cached = await b.ctx.db.views.get(p.key);
    expect(cached).toMatchObject({ thread: { departmentId: sales }, claim: { holderId: ana.id } });
    expect(cached?.pending).toBeUndefined();
    expect(tab.lastView(p.key)).toMatchObject({
      thread: { departmentId: sales },
      claim: { holderId: ana.id },
    });
  });

  it("keeps a claim whose event overtook an assignment's answer", async () => {
    const lead = await suite.org.member('Lea', 'lead', ['Support', 'Sales']);
    const ben = await suite.org.member('Bert', 'member', ['Support', 'Sales']);
    const { b, tab, p, streamed, sales } = await showing(
      lead.token,
      'Is there a student discount?',
    );
    delayAnswers(b, 'threads', 'assign', async () => {
      await ben.client.claims.acquire.mutate({ postKey: p.key });
      await streamed((confirmed) => confirmed?.claim?.holderId === ben.id);
    });
    const done = await tab.act({ kind: 'assign', postKey: p.key, departmentId: sales });
    expect(done).toMatchObject({ ok: true });
    await b.outbox.drain();
    await b.stream.settled();
    const want = { thread: { departmentId: sales }, claim: { holderId: ben.id } };
    expect(await b.ctx.db.views.get(p.key)).toMatchObject(want);
    expect(tab.lastView(p.key)).toMatchObject(want);
  });

  it("sends a new post's own events to the tab as a burst, and a change to it as not", async () => {
    const cy = await suite.org.member('Cyd', 'member', ['Support']);
    const dee = await suite.org.member('Dee', 'member', ['Support']);
    const { b, tab, p } = await showing(cy.token, 'Can I return a gift?');
    const viewsOf = (key: string) =>
      tab.received.filter(
        (m): m is Extract<typeof m, { type: 'views' }> =>
          m.type === 'views' && m.views.some((v) => v.thread.postKey === key),
      );
    // post.seen, pushed as it arrived (the lookup's own answer carries no mark).
    await vi.waitUntil(() => viewsOf(p.key).some((m) => m.burst), { timeout: 5_000 });
    const before = viewsOf(p.key).length;
    await dee.client.claims.acquire.mutate({ postKey: p.key });
    await vi.waitUntil(() => viewsOf(p.key).length > before, { timeout: 5_000 });
    expect(
      viewsOf(p.key)
        .slice(before)
        .every((m) => !m.burst),
    ).toBe(true);
    await b.stream.settled();
  });
});
