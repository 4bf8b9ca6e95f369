import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import {
  backend,
  httpClient,
  post as postRef,
  skipReason,
  startTestServer,
  wsClient,
} from '../harness.ts';
import type { TestServer } from '../harness.ts';
import { post, world } from '../callers/world.ts';
import type { Person, World } from '../callers/world.ts';
import { startServer } from '../../../server/app.ts';
import type { SyncEvent } from '../../../shared/domain/schemas/index.ts';

/** Reads `who`'s stream in-process until it ends; `seen` fills as events arrive. */
function openStream(who: Person) {
  const abort = new AbortController();
  const seen: SyncEvent[] = [];
  let arrived: () => void = () => {};
  const ended = (async () => {
    const stream = await who.callUntil(abort.signal).events.stream({});
    try {
      for await (const envelope of stream as AsyncIterable<unknown>) {
        seen.push((envelope as [string, SyncEvent])[1]);
        arrived();
      }
      return 'ended';
    } catch (e) {
      return e instanceof TRPCError ? e.code : String(e);
    }
  })();
  return {
    seen,
    ended,
    /** Resolves once an event satisfying `test` has arrived. */
    until: (test: (e: SyncEvent) => boolean) =>
      new Promise<SyncEvent>((resolve) => {
        const check = () => {
          const hit = seen.find(test);
          if (hit) resolve(hit);
        };
        arrived = check;
        check();
      }),
    close: () => abort.abort(),
  };
}

/**
 * Issue 10: a revoked token's open events.stream kept delivering events (note text included) and
 * never ended. Access changes are events in the log (`member.changed`), so every stream, on every
 * instance, meets them in order: the stream of a revoked token or a removed member ends there,
 * before any later event; a role or department change is re-read there. Note text goes only to
 * those who may read the thread's notes.
 */
describe.skipIf(!!skipReason)('trust: open streams follow access changes', () => {
  let w: World;
  let ana: Person; // member, Support
  let ben: Person; // member, Sales
  let gil: Person; // member, Legal

  beforeAll(async () => {
    w = await world(['Support', 'Sales', 'Legal']);
    ana = await w.member('Ana', 'member', ['Support']);
    ben = await w.member('Ben', 'member', ['Sales']);
    gil = await w.member('Gil', 'member', ['Legal']);
  });
  afterAll(() => w.close());

  async function supportPost() {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    await ana.call.threads.assign({ postKey: p.key, departmentId: w.departments.Support!.id });
    return p;
  }

  it('ends a revoked token’s stream before any later event reaches it', async () => {
    const cid = await w.member('Cid', 'member', ['Support']);
    const stream = openStream(cid);
    const p = await supportPost();
    await stream.until((e) => e.postKey === p.key);
    const [token] = await w.admin.call.members.tokens({ memberId: cid.id });
    await w.admin.call.members.revokeToken({ id: token!.id });
    const after = await supportPost();
    await ana.call.notes.add({ postKey: after.key, text: 'secret after revocation' });
    expect(await stream.ended).toBe('UNAUTHORIZED');
    expect(stream.seen.some((e) => e.postKey === after.key)).toBe(false);
  });

  it('ends a removed member’s stream the same way', async () => {
    const dee = await w.member('Dee', 'member', ['Support']);
    const stream = openStream(dee);
    await w.admin.call.members.remove({ id: dee.id });
    const after = await supportPost();
    expect(await stream.ended).toBe('UNAUTHORIZED');
    expect(stream.seen.some((e) => e.postKey === after.key)).toBe(false);
  });

  it('keeps a note’s text from those who may not read the thread’s notes', async () => {
    const anaSees = openStream(ana);
    const benSees = openStream(ben);
    const gilSees = openStream(gil);
    const p = await supportPost();
    await ana.call.notes.add({ postKey: p.key, text: 'customer is a lawyer, careful' });
    await ana.call.consults.open({
      postKey: p.key,
      departmentId: w.departments.Legal!.id,
      text: 'can we refund?',
    });
    const isNote = (text: string) => (e: SyncEvent) =>
      e.postKey === p.key && e.type === 'note.added' && (e.data.text === text || !!e.data.redacted);
    const first = isNote('customer is a lawyer, careful');
    expect((await anaSees.until(first)).data.text).toBe('customer is a lawyer, careful');
    const benNote = await benSees.until(first);
    expect(benNote.data.text).toBeUndefined();
    expect(benNote.data.redacted).toEqual(['text']);
    expect(benNote.thread?.noteCount).toBe(1);
    // Legal was not asked yet when the first note was written; it reads the question.
    expect((await gilSees.until(first)).data.text).toBeUndefined();
    const question = await gilSees.until(
      (e) => e.type === 'note.added' && e.data.kind === 'question',
    );
    expect(question.data.text).toBe('can we refund?');
    // The log's pages are filtered the same way.
    const page = await ben.call.events.list({ afterId: 0, limit: 1000 });
    const notes = page.filter((e) => e.type === 'note.added' && e.postKey === p.key);
    expect(notes).toHaveLength(2);
    expect(notes.every((e) => e.data.text === undefined)).toBe(true);
    // …and the thread's story, which has its own check.
    expect((await ben.call.threads.story({ postKey: p.key })).notes).toEqual([]);
    for (const s of [anaSees, benSees, gilSees]) s.close();
  });

  it('re-reads a member’s departments at the change: notes read from then on', async () => {
    const eve = await w.member('Eve', 'member', ['Sales']);
    const stream = openStream(eve);
    const before = await supportPost();
    await ana.call.notes.add({ postKey: before.key, text: 'before the move' });
    const hidden = await stream.until((e) => e.postKey === before.key && e.type === 'note.added');
    expect(hidden.data.text).toBeUndefined();
    await w.admin.call.members.update({ id: eve.id, departmentIds: [w.departments.Support!.id] });
    const changed = await stream.until((e) => e.type === 'member.changed');
    expect(changed.data).toMatchObject({ memberId: eve.id, change: 'updated' });
    const after = await supportPost();
    await ana.call.notes.add({ postKey: after.key, text: 'after the move' });
    const shown = await stream.until((e) => e.postKey === after.key && e.type === 'note.added');
    expect(shown.data.text).toBe('after the move');
    stream.close();
    expect(await stream.ended).toBe('ended');
  });
});

/** The same over the wire, and across two instances on one PostgreSQL database. */
describe.skipIf(!!skipReason)('trust: a revoked stream ends on every instance', () => {
  let ts: TestServer;

  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.close());

  it('ends the WebSocket stream of a token revoked (on PostgreSQL: through another instance)', async () => {
    const org = await ts.org('Acme');
    const cid = await org.member('Cid', 'member', ['Support']);
    const boss = await org.member('Boss', 'admin', []);
    const other =
      backend === 'postgres' ? await startServer({ ...ts.storeOptions, port: 0 }) : null;
    try {
      const revoker = httpClient(other?.port ?? ts.port, boss.token);
      const { client, close } = wsClient(ts.port, cid.token);
      const received: SyncEvent[] = [];
      let started: () => void = () => {};
      const ready = new Promise<void>((r) => (started = r));
      const ended = new Promise<string>((resolve) => {
        client.events.stream.subscribe(
          { lastEventId: null },
          {
            onStarted: () => started(),
            onData: (t) => void received.push(t.data),
            onError: (e) => resolve((e.data as { code?: string } | undefined)?.code ?? 'ERROR'),
            onComplete: () => resolve('complete'),
          },
        );
      });
      await ready;
      const [token] = await revoker.members.tokens.query({ memberId: cid.id });
      await revoker.members.revokeToken.mutate({ id: token!.id });
      const later = postRef();
      await revoker.posts.observe.mutate({ posts: [later] });
      expect(await ended).toBe('UNAUTHORIZED');
      expect(received.some((e) => e.postKey === later.key)).toBe(false);
      close();
    } finally {
      await other?.close();
    }
  });
});
