import { describe, expect, it, vi } from 'vitest';
import { post } from '../../tests/server/harness.ts';
import { openTab, realServerSuite, showPost } from '../../tests/background/test-background.ts';
import type { BackgroundToContent } from '../messaging/protocol.ts';
import { RECENT_VIEWS } from './post-lookup.ts';
import { signOut } from './sign-in.ts';

const viewKeys = (received: BackgroundToContent[]) =>
  received.flatMap((m) => (m.type === 'views' ? m.views.map((v) => v.thread.postKey) : []));

describe('a new tab gets the views of the posts last seen on its site (real server)', () => {
  const suite = realServerSuite('Recent Views Co');

  it('sends them as the tab connects, before it observes anything, and only its site’s', async () => {
    const ana = await suite.org.member('Ana', 'member', ['Support']);
    const b = await suite.background(ana.token);
    const first = openTab(b, 1, 'https://x.com/home');
    const [p1, p2] = [post('Where is my parcel?'), post('Do you ship to Norway?')];
    await showPost(b, first, p1);
    await showPost(b, first, p2);
    await ana.client.claims.acquire.mutate({ postKey: p2.key });
    await vi.waitUntil(async () => (await b.ctx.db.views.get(p2.key))?.claim, { timeout: 5_000 });
    first.close();

    // The person reloads the timeline: the new tab has both views before it says what it shows.
    const again = openTab(b, 2, 'https://x.com/home');
    await vi.waitUntil(() => viewKeys(again.received).length === 2, { timeout: 5_000 });
    expect(again.received.filter((m) => m.type === 'views')).toHaveLength(1);
    expect(new Set(viewKeys(again.received))).toEqual(new Set([p1.key, p2.key]));
    expect(again.lastView(p2.key)?.claim).toMatchObject({ holderId: ana.id });

    // Another site's tab, a tab whose address is no site's, get none of them.
    const linkedin = openTab(b, 3, 'https://www.linkedin.com/feed/');
    const other = openTab(b, 4, 'https://example.com/');
    const none = openTab(b, 5);
    const lookalike = openTab(b, 6, 'https://x.com.evil.example/home');
    await new Promise((r) => setTimeout(r, 200));
    for (const tab of [linkedin, other, none, lookalike]) {
      expect(tab.received.map((m) => m.type)).toEqual(['session']);
    }
  });

  it('sends the most recently seen, at most RECENT_VIEWS, newest first', async () => {
    const ana = await suite.org.member('Bea', 'member', ['Support']);
    let now = 1_000;
    const b = await suite.background(ana.token, { now: () => now });
    const posts = Array.from({ length: RECENT_VIEWS + 5 }, (_, i) => post(`Question ${i}`));
    const first = openTab(b, 1, 'https://x.com/home');
    // Seen one batch at a time, oldest first; cached as the server answers.
    for (let i = 0; i < posts.length; i += 100) {
      now += 1_000;
      first.show(...posts.slice(i, i + 100));
    }
    await vi.waitUntil(async () => (await b.ctx.db.views.count()) === posts.length, {
      timeout: 20_000,
    });
    await vi.waitUntil(async () => (await b.ctx.db.seen.count()) === posts.length);
    const again = openTab(b, 2, 'https://x.com/home');
    await vi.waitUntil(() => viewKeys(again.received).length > 0, { timeout: 5_000 });
    const keys = viewKeys(again.received);
    expect(keys).toHaveLength(RECENT_VIEWS);
    // The first five (seen earliest) are the ones left out.
    expect(new Set(keys)).toEqual(new Set(posts.slice(5).map((p) => p.key)));
  });

  it('remembers the newest 5,000 posts seen, forgetting older ones as a tab opens', async () => {
    const ana = await suite.org.member('Dee', 'member', ['Support']);
    const b = await suite.background(ana.token);
    const entries = Array.from({ length: 5_050 }, (_, i) => ({
      postKey: `x:${1_000_000 + i}`,
      platform: 'x' as const,
      at: i,
    }));
    await b.ctx.db.seen.bulkPut(entries);
    openTab(b, 1, 'https://x.com/home');
    await vi.waitUntil(async () => (await b.ctx.db.seen.count()) < entries.length, {
      timeout: 5_000,
    });
    expect(await b.ctx.db.seen.count()).toBe(5_000);
    expect((await b.ctx.db.seen.orderBy('at').first())?.at).toBe(50);
  });

  it('forgets them with the session: a signed-out browser sends none', async () => {
    const ana = await suite.org.member('Cai', 'member', ['Support']);
    const b = await suite.background(ana.token);
    const first = openTab(b, 1, 'https://x.com/home');
    await showPost(b, first, post('Hello?'));
    await signOut(b.ctx, b.connection);
    expect(await b.ctx.db.seen.count()).toBe(0);
    const again = openTab(b, 2, 'https://x.com/home');
    await new Promise((r) => setTimeout(r, 200));
    expect(viewKeys(again.received)).toEqual([]);
  });
});
