import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, errorOf, post, skipReason, sleep, startTestServer } from './harness.ts';
import type { Client, TestOrg, TestServer } from './harness.ts';

describe.skipIf(!!skipReason)('claims: leases with fencing tokens', () => {
  let ts: TestServer;
  let org: TestOrg;
  let members: { id: string; name: string; client: Client }[];
  let lead: { id: string; client: Client };

  beforeAll(async () => {
    ts = await startTestServer();
    org = await ts.org('Acme');
    members = [];
    for (const name of ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hal']) {
      const m = await org.member(name, 'member', ['Support']);
      members.push({ ...m, name });
    }
    lead = await org.member('Lou Lead', 'lead', ['Support']);
  });
  afterAll(() => ts.close());

  async function routedPost(text?: string) {
    const p = post(text);
    await members[0]!.client.posts.observe.mutate({ posts: [p] });
    await lead.client.threads.assign.mutate({
      postKey: p.key,
      departmentId: org.departments.Support!.id,
    });
    return p;
  }

  it('lets exactly one of many concurrent members win each post; the others are told who', async () => {
    const posts = [];
    for (let i = 0; i < 25; i++) posts.push(await routedPost());
    for (const p of posts) {
      const results = await Promise.allSettled(
        members.map((m) => m.client.claims.acquire.mutate({ postKey: p.key })),
      );
      const winners = results
        .map((r, i) => ({ r, m: members[i]! }))
        .filter(({ r }) => r.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      const winner = winners[0]!.m;
      for (const r of results) {
        if (r.status === 'fulfilled') continue;
        const e = r.reason as {
          data?: { code?: string; claim?: { holderName: string } };
          message: string;
        };
        expect(e.data?.code).toBe('CONFLICT');
        expect(e.message).toContain(`${winner.name} is answering this post`);
        expect(e.data?.claim?.holderName).toBe(winner.name);
      }
      const [view] = await members[0]!.client.posts.get.query({ postKeys: [p.key] });
      expect(view?.claim?.holderId).toBe(winner.id);
    }
  });

  it('lets another member claim once the lease expires, and refuses the stale token', async () => {
    const p = await routedPost();
    const [ana, ben] = [members[0]!, members[1]!];
    const first = await ana.client.claims.acquire.mutate({ postKey: p.key, leaseMs: 1_000 });
    expect(await codeOf(ben.client.claims.acquire.mutate({ postKey: p.key }))).toBe('CONFLICT');
    await sleep(1_300);
    const second = await ben.client.claims.acquire.mutate({ postKey: p.key });
    expect(second.token).toBeGreaterThan(first.token);

    const release = await errorOf(
      ana.client.claims.release.mutate({ postKey: p.key, token: first.token }),
    );
    expect(release.data?.code).toBe('CONFLICT');
    expect(release.message).toMatch(/token \d+ is stale; Ben holds it now/);
    expect(
      await codeOf(ana.client.threads.markAnswered.mutate({ postKey: p.key, token: first.token })),
    ).toBe('CONFLICT');
    expect(
      await codeOf(ana.client.claims.renew.mutate({ postKey: p.key, token: first.token })),
    ).toBe('CONFLICT');

    const answered = await ben.client.threads.markAnswered.mutate({
      postKey: p.key,
      token: second.token,
    });
    expect(answered.thread.status).toBe('answered');
    expect(answered.thread.answeredBy).toBe(ben.id);
    expect(answered.claim).toBeNull();
  });

  it('renews a held lease and releases it so someone else can claim', async () => {
    const p = await routedPost();
    const [ana, ben] = [members[2]!, members[3]!];
    const first = await ana.client.claims.acquire.mutate({ postKey: p.key, leaseMs: 2_000 });
    const renewed = await ana.client.claims.renew.mutate({
      postKey: p.key,
      token: first.token,
      leaseMs: 60_000,
    });
    expect(renewed.token).toBe(first.token);
    expect(renewed.expiresAt).toBeGreaterThan(first.expiresAt);
    await ana.client.claims.release.mutate({ postKey: p.key, token: first.token });
    const next = await ben.client.claims.acquire.mutate({ postKey: p.key });
    expect(next.token).toBeGreaterThan(first.token);
  });

  it('lets a lead override a claim (moved or dropped) and records it; a member cannot', async () => {
    const p = await routedPost();
    const [ana, ben] = [members[4]!, members[5]!];
    const held = await ana.client.claims.acquire.mutate({ postKey: p.key });
    const refused = await errorOf(
      ben.client.claims.override.mutate({ postKey: p.key, toMemberId: ben.id }),
    );
    expect(refused.data?.code).toBe('FORBIDDEN');

    const { claim } = await lead.client.claims.override.mutate({
      postKey: p.key,
      toMemberId: ben.id,
    });
    expect(claim?.holderId).toBe(ben.id);
    expect(claim!.token).toBeGreaterThan(held.token);
    expect(
      await codeOf(ana.client.threads.markAnswered.mutate({ postKey: p.key, token: held.token })),
    ).toBe('CONFLICT');

    const events = await lead.client.events.list.query({ afterId: 0, limit: 1000 });
    const overridden = events.filter((e) => e.postKey === p.key && e.type === 'claim.overridden');
    expect(overridden).toHaveLength(1);
    expect(overridden[0]!.actorId).toBe(lead.id);
    expect(overridden[0]!.data).toMatchObject({ previousHolderId: ana.id });

    const dropped = await lead.client.claims.override.mutate({ postKey: p.key });
    expect(dropped.claim).toBeNull();
    expect(await codeOf(ana.client.claims.acquire.mutate({ postKey: p.key }))).toBe('OK');
  });

  it('refuses claims on unknown posts and on posts of a department the member is not in', async () => {
    expect(await codeOf(members[0]!.client.claims.acquire.mutate({ postKey: 'x:999' }))).toBe(
      'NOT_FOUND',
    );
    const p = post();
    await lead.client.posts.observe.mutate({ posts: [p] });
    await org.admin.threads.assign.mutate({
      postKey: p.key,
      departmentId: org.departments.Sales!.id,
    });
    expect(await codeOf(members[0]!.client.claims.acquire.mutate({ postKey: p.key }))).toBe(
      'FORBIDDEN',
    );
  });
});
