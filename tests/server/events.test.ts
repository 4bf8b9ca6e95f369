import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, skipReason, sleep, startTestServer, wsClient } from './harness.ts';
import type { TestOrg, TestServer } from './harness.ts';
import type { SyncEvent } from '../../shared/domain/schemas/index.ts';
import { fanoutFor } from '../../server/realtime/org-fanout.ts';

/** Collects a stream's events; resolves `until` once a predicate holds. */
function collect(
  token: string,
  port: number,
  lastEventId: string | null,
): { events: SyncEvent[]; ids: string[]; until(n: number): Promise<void>; close(): void } {
  const { client, close } = wsClient(port, token);
  const events: SyncEvent[] = [];
  const ids: string[] = [];
  const sub = client.events.stream.subscribe(
    { lastEventId },
    {
      onData(tracked) {
        ids.push(tracked.id);
        events.push(tracked.data);
      },
      onError(e) {
        throw e;
      },
    },
  );
  return {
    events,
    ids,
    async until(n) {
      for (let i = 0; i < 200 && events.length < n; i++) await sleep(25);
      if (events.length < n) throw new Error(`only ${events.length} of ${n} events arrived`);
    },
    close() {
      sub.unsubscribe();
      close();
    },
  };
}

describe.skipIf(!!skipReason)('events.stream', () => {
  let ts: TestServer;
  let org: TestOrg;
  let ana: Awaited<ReturnType<TestOrg['member']>>;

  beforeAll(async () => {
    ts = await startTestServer();
    org = await ts.org('Acme');
    ana = await org.member('Ana', 'member', ['Support']);
  });
  afterAll(() => ts.close());

  it('delivers live events in order with tracked ids', async () => {
    const stream = collect(ana.token, ts.port, null);
    await sleep(200);
    const p = post();
    await ana.client.posts.observe.mutate({ posts: [p] });
    await ana.client.claims.acquire.mutate({ postKey: p.key });
    await stream.until(2);
    expect(stream.events.map((e) => e.type)).toEqual(['post.seen', 'claim.acquired']);
    expect(stream.ids).toEqual(stream.events.map((e) => String(e.id)));
    expect(stream.events[1]!.claim?.holderName).toBe('Ana');
    stream.close();
  });

  it('resumes from lastEventId: every missed event once, in order, then live ones', async () => {
    const first = collect(ana.token, ts.port, '0'); // 0: the whole log; null: live only
    await first.until(2); // the first test's events, replayed
    const seen = first.events.length;
    const p = post();
    await ana.client.posts.observe.mutate({ posts: [p] });
    await first.until(seen + 1);
    const lastId = first.ids.at(-1)!;
    first.close();

    // While disconnected: a burst of writes from several members, concurrently.
    const ben = await org.member('Ben', 'member', ['Support']);
    const missed = Array.from({ length: 30 }, () => post());
    await Promise.all(
      missed.map((m, i) => (i % 2 ? ana : ben).client.posts.observe.mutate({ posts: [m] })),
    );
    const resumed = collect(ana.token, ts.port, lastId);
    await resumed.until(30);
    const live = post();
    await ben.client.posts.observe.mutate({ posts: [live] });
    await resumed.until(31);
    await sleep(300); // would expose a duplicate delivered late

    const keys = resumed.events.map((e) => e.postKey);
    expect(keys).toHaveLength(31);
    expect(new Set(keys).size).toBe(31);
    expect(keys.slice(0, 30).sort()).toEqual(missed.map((m) => m.key).sort());
    expect(keys[30]).toBe(live.key);
    const numeric = resumed.events.map((e) => e.id);
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    expect(numeric[0]).toBeGreaterThan(Number(lastId));
    resumed.close();
  });

  it('writes WebSocket streams to their sockets directly, each on its own subscription id', async () => {
    const fanout = fanoutFor(ts.server.deps, org.orgId);
    const until = async (holds: () => boolean) => {
      for (let i = 0; i < 200 && !holds(); i++) await sleep(10);
      expect(holds()).toBe(true);
    };
    await until(() => fanout.counts.streams === 0); // the earlier tests' streams have ended
    const { client, close } = wsClient(ts.port, ana.token);
    const keysOf = (events: SyncEvent[]) => events.map((e) => e.postKey);
    const subscribe = (lastEventId: string | null, into: SyncEvent[]) =>
      client.events.stream.subscribe({ lastEventId }, { onData: (t) => into.push(t.data) });

    const a: SyncEvent[] = [];
    const subA = subscribe(null, a);
    await until(() => fanout.counts.direct === 1);
    const first = post();
    await ana.client.posts.observe.mutate({ posts: [first] });
    await until(() => a.length === 1);
    subA.unsubscribe();
    await until(() => fanout.counts.streams === 0);

    // Stopped and started again on the same socket, twice at once: from A's last event, and live.
    const b: SyncEvent[] = [];
    const c: SyncEvent[] = [];
    const subB = subscribe(String(a[0]!.id), b);
    const subC = subscribe(null, c);
    await until(() => fanout.counts.direct === 2);
    const second = post();
    await ana.client.posts.observe.mutate({ posts: [second] });
    await until(() => b.length === 1 && c.length === 1);
    await sleep(200); // would expose a duplicate, or an event sent on A's ended subscription
    expect(keysOf(a)).toEqual([first.key]);
    expect(keysOf(b)).toEqual([second.key]);
    expect(keysOf(c)).toEqual([second.key]);
    subB.unsubscribe();
    subC.unsubscribe();
    close();
    await until(() => fanout.counts.streams === 0);
  });

  it('refuses a stream without a valid token', async () => {
    const { client, close } = wsClient(ts.port, 'sb_not-a-real-token');
    const error = await new Promise<unknown>((resolve) => {
      client.events.stream.subscribe({}, { onError: resolve, onData: () => resolve(null) });
    });
    expect((error as { data?: { code?: string } }).data?.code).toBe('UNAUTHORIZED');
    close();
  });
});
