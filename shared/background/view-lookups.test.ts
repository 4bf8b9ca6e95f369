import { describe, expect, it, vi } from 'vitest';
import { post } from '../../tests/server/harness.ts';
import { openTab, realServerSuite, showPost } from '../../tests/background/test-background.ts';
import type { ServerClient } from './server-link.ts';

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
});
