import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { post, startTestServer, wsClient } from '../../tests/server/harness.ts';
import type { TestOrg, TestServer } from '../../tests/server/harness.ts';
import { freshDbName } from '../../tests/background/test-background.ts';
import type { SyncEvent } from '../domain/schemas/event.ts';
import { BackgroundContext } from './background-context.ts';
import type { MetaEntry } from './local-db.ts';
import { EventStream } from './event-stream.ts';
import { storeConfirmed } from './view-cache.ts';

const noTabs = {
  connect() {},
  observe() {},
  action() {},
  story() {},
  draft() {},
  interestChanged() {},
};

describe('event stream (real server)', () => {
  let server: TestServer;
  let org: TestOrg;
  const closers: (() => void)[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    org = await server.org('Stream Co');
  });
  afterAll(async () => {
    for (const close of closers) close();
    await server.close();
  });

  /** A background's cache and stream (as a fresh service worker has them) on a database name. */
  async function listener(dbName: string, token: string) {
    const ctx = new BackgroundContext({ tabEvents: noTabs, dbName });
    // Without a cursor the stream starts at the present, which may be before or after the
    // subscription reaches the server; from the org's first event, the test misses nothing.
    if ((await ctx.db.getMeta('cursor')) === undefined) await ctx.db.setMeta('cursor', '0');
    const seen: SyncEvent[] = [];
    const stream = new EventStream(ctx, (e) => seen.push(e));
    const ws = wsClient(server.port, token);
    closers.push(() => stream.stop(), ws.close);
    await stream.start(ws.client);
    const cursor = async () => Number(await ctx.db.getMeta<string>('cursor'));
    return { ctx, stream, seen, cursor, client: ws.client };
  }

  it('moves the cursor only once the cache has the change, and retries a change it could not store', async () => {
    const ana = await org.member('Ana', 'member', ['Support']);
    const l = await listener(freshDbName(), ana.token);
    const p = post('Can I change my delivery address?');
    // Only posts a tab has shown are cached: this one was.
    await storeConfirmed(l.ctx.db, await ana.client.posts.observe.mutate({ posts: [p] }));
    await org.admin.threads.assign.mutate({
      postKey: p.key,
      departmentId: org.departments.Support!.id,
    });
    await vi.waitUntil(() => l.seen.some((e) => e.type === 'thread.routed'));
    const before = await l.cursor();

    // Whenever the cursor is written, what does the cache hold for the post?
    const atCursor: { id: number; holder: string | undefined }[] = [];
    const setMeta = l.ctx.db.setMeta.bind(l.ctx.db);
    const recordingSetMeta = async (key: MetaEntry['key'], value: unknown) => {
      const cached = await l.ctx.db.views.get(p.key);
      if (key === 'cursor') atCursor.push({ id: Number(value), holder: cached?.claim?.holderId });
      return setMeta(key, value);
    };
    vi.spyOn(l.ctx.db, 'setMeta').mockImplementation(recordingSetMeta as typeof l.ctx.db.setMeta);
    // The first write of the claim fails (a full disk, a closing database).
    vi.spyOn(l.ctx.db.views, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await ana.client.claims.acquire.mutate({ postKey: p.key });

    const claimed = await vi.waitUntil(() => l.seen.find((e) => e.type === 'claim.acquired'), {
      timeout: 10_000,
    });
    await l.stream.settled();
    expect(l.seen.filter((e) => e.type === 'claim.acquired')).toHaveLength(1);
    expect(await l.cursor()).toBe(claimed.id);
    expect(claimed.id).toBeGreaterThan(before);
    expect(atCursor.find((c) => c.id === claimed.id)).toEqual({ id: claimed.id, holder: ana.id });
    expect((await l.ctx.db.views.get(p.key))?.claim?.holderId).toBe(ana.id);
    expect(warned).toHaveBeenCalledWith(
      expect.stringMatching(/resuming from the cursor/),
      expect.anything(),
    );
    warned.mockRestore();
  });

  it('resumes from the stored cursor after the worker stops: nothing missed, nothing twice', async () => {
    const bea = await org.member('Bea', 'member', ['Support']);
    const dbName = freshDbName();
    const first = await listener(dbName, bea.token);
    const p = post('Do you ship to Norway?');
    await storeConfirmed(first.ctx.db, await bea.client.posts.observe.mutate({ posts: [p] }));
    await org.admin.threads.assign.mutate({
      postKey: p.key,
      departmentId: org.departments.Support!.id,
    });
    await vi.waitUntil(() => first.seen.some((e) => e.type === 'thread.routed'));
    await first.stream.settled();
    const cursor = await first.cursor();
    first.stream.stop();
    first.ctx.db.close();

    // While no worker runs, the post is claimed and answered.
    const { token } = await bea.client.claims.acquire.mutate({ postKey: p.key });
    await bea.client.threads.markAnswered.mutate({ postKey: p.key, token });

    const second = await listener(dbName, bea.token);
    expect(await second.cursor()).toBe(cursor);
    await vi.waitUntil(() => second.seen.some((e) => e.type === 'thread.answered'), {
      timeout: 10_000,
    });
    await second.stream.settled();
    expect(second.seen.every((e) => e.id > cursor)).toBe(true);
    expect(second.seen.map((e) => e.type)).toEqual(
      expect.arrayContaining(['claim.acquired', 'thread.answered']),
    );
    expect(second.seen.some((e) => e.type === 'thread.routed' && e.postKey === p.key)).toBe(false);
    expect(first.seen.some((e) => e.type === 'thread.routed' && e.postKey === p.key)).toBe(true);
    expect(new Set(second.seen.map((e) => e.id)).size).toBe(second.seen.length);
    expect((await second.ctx.db.views.get(p.key))?.thread.status).toBe('answered');
  });

  it('subscribes again when the server ends the stream, as a restarted one may', async () => {
    const cy = await org.member('Cy', 'member', ['Support']);
    const l = await listener(freshDbName(), cy.token);
    const p = post('Is the outlet open late?');
    await storeConfirmed(l.ctx.db, await cy.client.posts.observe.mutate({ posts: [p] }));
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The server restarts and, at first, cannot reach its database: the resubscription the
    // client sends on reconnecting is refused, which ends the subscription.
    await server.stop();
    await server.start();
    server.server.deps.store.availability.set(false);
    await vi.waitUntil(() => warned.mock.calls.some(([m]) => /event stream/.test(String(m))), {
      timeout: 10_000,
    });
    server.server.deps.store.availability.set(true);
    await org.admin.threads.assign.mutate({
      postKey: p.key,
      departmentId: org.departments.Sales!.id,
    });
    await vi.waitUntil(
      () => l.seen.some((e) => e.type === 'thread.routed' && e.postKey === p.key),
      {
        timeout: 10_000,
      },
    );
    await l.stream.settled();
    expect((await l.ctx.db.views.get(p.key))?.thread.departmentId).toBe(org.departments.Sales!.id);
    warned.mockRestore();
  });
});
