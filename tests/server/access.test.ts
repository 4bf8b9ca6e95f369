import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, errorOf, httpClient, post, skipReason, startTestServer } from './harness.ts';
import type { TestOrg, TestServer } from './harness.ts';

describe.skipIf(!!skipReason)('organisations, roles, tokens and bad input', () => {
  let ts: TestServer;
  let acme: TestOrg;
  let globex: TestOrg;

  beforeAll(async () => {
    ts = await startTestServer();
    acme = await ts.org('Acme');
    globex = await ts.org('Globex');
  });
  afterAll(() => ts.close());

  it('keeps each organisation’s posts, people and events to itself', async () => {
    const ana = await acme.member('Ana', 'member', ['Support']);
    const gil = await globex.member('Gil', 'lead', ['Support']);
    const p = post();
    await ana.client.posts.observe.mutate({ posts: [p] });
    await ana.client.claims.acquire.mutate({ postKey: p.key });

    expect(await gil.client.posts.get.query({ postKeys: [p.key] })).toEqual([]);
    expect(await codeOf(gil.client.claims.override.mutate({ postKey: p.key }))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        gil.client.threads.assign.mutate({
          postKey: p.key,
          departmentId: acme.departments.Sales!.id,
        }),
      ),
    ).toBe('NOT_FOUND');
    const theirEvents = await gil.client.events.list.query({ afterId: 0, limit: 1000 });
    expect(theirEvents.some((e) => e.postKey === p.key)).toBe(false);
    const names = (await gil.client.members.list.query()).map((m) => m.name);
    expect(names).not.toContain('Ana');

    // The same post seen by Globex is Globex's own thread, unclaimed.
    const [view] = await gil.client.posts.observe.mutate({ posts: [p] });
    expect(view!.claim).toBeNull();
    // …and a Globex department cannot be used on an Acme thread.
    expect(
      await codeOf(
        ana.client.threads.assign.mutate({
          postKey: p.key,
          departmentId: globex.departments.Sales!.id,
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('enforces roles: members cannot manage people; leads act only in their departments', async () => {
    const ben = await acme.member('Ben', 'member', ['Sales']);
    const lee = await acme.member('Lee', 'lead', ['Sales']);
    expect(await codeOf(ben.client.members.create.mutate({ name: 'Mallory', role: 'admin' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(lee.client.departments.create.mutate({ name: 'Ops' }))).toBe('FORBIDDEN');
    const p = post();
    await ben.client.posts.observe.mutate({ posts: [p] });
    await acme.admin.threads.assign.mutate({
      postKey: p.key,
      departmentId: acme.departments.Support!.id,
    });
    expect(
      await codeOf(lee.client.threads.assign.mutate({ postKey: p.key, assigneeId: lee.id })),
    ).toBe('FORBIDDEN');
  });

  it('refuses unknown and revoked tokens with UNAUTHORIZED', async () => {
    expect(await codeOf(httpClient(ts.port, null).auth.whoami.query())).toBe('UNAUTHORIZED');
    expect(await codeOf(httpClient(ts.port, 'sb_nope').auth.whoami.query())).toBe('UNAUTHORIZED');
    const cid = await acme.member('Cid', 'member', []);
    expect((await cid.client.auth.whoami.query()).member.name).toBe('Cid');
    const [tok] = await acme.admin.members.tokens.query({ memberId: cid.id });
    await acme.admin.members.revokeToken.mutate({ id: tok!.id });
    await new Promise((r) => setTimeout(r, 2_100)); // the token cache lives 2 s
    expect(await codeOf(cid.client.auth.whoami.query())).toBe('UNAUTHORIZED');
  });

  it('answers malformed input with BAD_REQUEST and a readable message', async () => {
    const ana = await acme.member('Ana2', 'member', ['Support']);
    const bad = await errorOf(
      ana.client.posts.observe.mutate({
        posts: [{ ...post(), key: 'x:somethingelse' }],
      }),
    );
    expect(bad.data?.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('key must be platform + ":" + nativeId');
    const tooMany = Array.from({ length: 201 }, () => post());
    expect(await codeOf(ana.client.posts.observe.mutate({ posts: tooMany }))).toBe('BAD_REQUEST');
    const res = await fetch(`http://127.0.0.1:${ts.port}/trpc/claims.acquire`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('applies a replayed client mutation once and answers with the first result', async () => {
    const ana = await acme.member('Ana3', 'member', ['Support']);
    const p = post();
    await ana.client.posts.observe.mutate({ posts: [p] });
    const input = { postKey: p.key, clientMutationId: 'outbox-0001-claim' };
    const [a, b] = await Promise.all([
      ana.client.claims.acquire.mutate(input),
      ana.client.claims.acquire.mutate(input),
    ]);
    const c = await ana.client.claims.acquire.mutate(input);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const assign = {
      postKey: p.key,
      departmentId: acme.departments.Support!.id,
      clientMutationId: 'outbox-0002-assign',
    };
    const first = await ana.client.threads.assign.mutate(assign);
    const again = await ana.client.threads.assign.mutate(assign);
    expect(again).toEqual(first);
    const events = await ana.client.events.list.query({ afterId: 0, limit: 1000 });
    const mine = events.filter((e) => e.postKey === p.key).map((e) => e.type);
    expect(mine.filter((t) => t === 'claim.acquired')).toHaveLength(1);
    expect(mine.filter((t) => t === 'thread.routed')).toHaveLength(1);
    // Reusing an id for another procedure is a client bug, said plainly.
    const misuse = await errorOf(
      ana.client.threads.dismiss.mutate({ postKey: p.key, clientMutationId: 'outbox-0001-claim' }),
    );
    expect(misuse.message).toContain('already used for claims.acquire');
  });
});
