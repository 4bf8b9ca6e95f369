import { describe, expect, it, vi } from 'vitest';
import { post, sleep } from '../../tests/server/harness.ts';
import { openTab, realServerSuite, showPost } from '../../tests/background/test-background.ts';
import type { TestTab } from '../../tests/background/test-background.ts';
import { RELEASE_AFTER_MS, RENEW_EVERY_MS } from './lease-keeper.ts';

describe('lease keeper (real server)', () => {
  const suite = realServerSuite('Leases Co');

  /** A member's background on a clock the test moves, holding a claim on a post a tab shows. */
  async function holding(name: string) {
    const m = await suite.org.member(name, 'member', ['Support']);
    const clock = { t: Date.now() };
    const background = await suite.background(m.token, { now: () => clock.t });
    const tab = openTab(background);
    const p = post(`Question for ${name}`);
    await showPost(background, tab, p);
    expect(await tab.act({ kind: 'claim', postKey: p.key })).toMatchObject({ ok: true });
    const onServer = async () => (await suite.org.admin.posts.get.query({ postKeys: [p.key] }))[0]!;
    return { ...m, background, tab, post: p, clock, onServer };
  }

  /** Moves the clock, lets a tick run, and returns the lease's expiry as the server has it. */
  async function tickAfter(h: Awaited<ReturnType<typeof holding>>, ms: number) {
    // The server's clock judges the lease: let it move, so a renewal shows as a later expiry.
    await sleep(15);
    h.clock.t += ms;
    await h.background.leases.tick();
    return (await h.onServer()).claim;
  }

  it('renews a claim about every 30 s while a tab shows the post', async () => {
    const h = await holding('Ana');
    const granted = (await h.onServer()).claim!;
    const first = await tickAfter(h, 0);
    expect(first!.expiresAt).toBeGreaterThan(granted.expiresAt);
    expect(first!.token).toBe(granted.token);
    expect(await tickAfter(h, 10_000)).toEqual(first);
    expect(await tickAfter(h, 10_000)).toEqual(first);
    const second = await tickAfter(h, RENEW_EVERY_MS - 20_000);
    expect(second!.expiresAt).toBeGreaterThan(first!.expiresAt);
    expect(second!.holderId).toBe(h.id);
  });

  it('releases a claim 5 s after the last tab showing the post closes', async () => {
    const h = await holding('Bea');
    await tickAfter(h, 0);
    h.tab.close();
    await h.background.leases.tick(); // the tab's closing starts the count
    expect(await tickAfter(h, RELEASE_AFTER_MS - 1_000)).toMatchObject({ holderId: h.id });
    expect(await tickAfter(h, 1_000)).toBeNull();
    expect(h.tab.received.filter((m) => m.type === 'notice')).toEqual([]);
  });

  it('keeps a claim whose post comes back within 5 s (a reload, a re-rendered feed)', async () => {
    const h = await holding('Cai');
    h.tab.hide(h.post.key);
    await tickAfter(h, 0);
    await tickAfter(h, RELEASE_AFTER_MS - 2_000);
    const again: TestTab = openTab(h.background, 2);
    again.show(h.post);
    expect(await tickAfter(h, 2_000)).toMatchObject({ holderId: h.id });
    expect(await tickAfter(h, 2 * RELEASE_AFTER_MS)).toMatchObject({ holderId: h.id });
  });

  it('counts the 5 s from the post’s last exit, not its first', async () => {
    const h = await holding('Eve');
    h.tab.hide(h.post.key);
    await tickAfter(h, 0); // gone from every tab
    await tickAfter(h, 3_000);
    const again: TestTab = openTab(h.background, 2);
    again.show(h.post); // back (no tick runs on a post coming back)…
    h.clock.t += 1_000;
    again.hide(h.post.key); // …and gone again: the count starts here
    await h.background.leases.tick();
    expect(await tickAfter(h, 2_000)).toMatchObject({ holderId: h.id });
    expect(await tickAfter(h, RELEASE_AFTER_MS - 1_000)).toBeNull();
  });

  it('says so when a renewal finds the claim overridden, and shows who holds it now', async () => {
    const h = await holding('Dan');
    const lead = await suite.org.member('Lea', 'lead', ['Support']);
    // The stream would tell at once (an alert); here it lags, and the renewal finds out.
    h.background.stream.stop();
    await lead.client.claims.override.mutate({ postKey: h.post.key, toMemberId: lead.id });
    await tickAfter(h, RENEW_EVERY_MS);
    const notice = await vi.waitUntil(() => h.tab.received.find((m) => m.type === 'notice'));
    expect(notice).toMatchObject({ level: 'error', postKey: h.post.key });
    expect(notice.type === 'notice' && notice.message).toMatch(/^Your claim was lost/);
    expect(h.tab.lastView(h.post.key)?.claim).toMatchObject({ holderId: lead.id });
  });
});
