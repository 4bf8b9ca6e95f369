import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { post, refusal, refusalMessage, world } from './world.ts';
import type { Person, World } from './world.ts';

describe.skipIf(!!skipReason)('claims router (createCaller)', () => {
  let w: World;
  let ana: Person;
  let ben: Person;
  let sam: Person;
  let lea: Person;

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    ben = await w.member('Ben', 'member', ['Support']);
    sam = await w.member('Sam', 'lead', ['Support']);
    lea = await w.member('Lea', 'lead', ['Sales']);
  });
  afterAll(() => w.close());

  async function supportPost() {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    await sam.call.threads.assign({ postKey: p.key, departmentId: w.departments.Support!.id });
    return p;
  }

  it('grants, renews and releases a lease by its fencing token', async () => {
    const p = await supportPost();
    const first = await ana.call.claims.acquire({ postKey: p.key, leaseMs: 5_000 });
    expect(first.token).toBe(1);
    expect(await refusalMessage(ben.call.claims.acquire({ postKey: p.key }))).toMatch(
      /^Ana is answering this post \(claim expires in [1-5]s\)$/,
    );
    const renewed = await ana.call.claims.renew({ postKey: p.key, token: 1, leaseMs: 60_000 });
    expect(renewed.token).toBe(1);
    expect(await refusal(ben.call.claims.release({ postKey: p.key, token: 1 }))).toBe('CONFLICT');
    expect(await ana.call.claims.release({ postKey: p.key, token: 1 })).toEqual({
      released: true,
    });
    expect((await ben.call.claims.acquire({ postKey: p.key })).token).toBe(2);
  });

  it('lets only a lead of the post’s department (or an admin) override', async () => {
    const p = await supportPost();
    await ana.call.claims.acquire({ postKey: p.key });
    expect(await refusal(ben.call.claims.override({ postKey: p.key, toMemberId: ben.id }))).toBe(
      'FORBIDDEN',
    );
    expect(await refusal(lea.call.claims.override({ postKey: p.key }))).toBe('FORBIDDEN');
    const moved = await sam.call.claims.override({ postKey: p.key, toMemberId: ben.id });
    expect(moved.claim).toMatchObject({ holderId: ben.id, token: 2 });
    expect((await w.admin.call.claims.override({ postKey: p.key })).claim).toBeNull();
  });

  it('refuses to override a claim onto a post that is not open, as acquire does', async () => {
    const p = await supportPost();
    await sam.call.threads.resolve({ postKey: p.key });
    const acquire = await refusalMessage(ana.call.claims.acquire({ postKey: p.key }));
    expect(acquire).toBe('this post is resolved; reopen it to claim it');
    expect(
      await refusalMessage(sam.call.claims.override({ postKey: p.key, toMemberId: ana.id })),
    ).toBe(acquire);
    const [view] = await ana.call.posts.get({ postKeys: [p.key] });
    expect(view!.claim).toBeNull();
  });
});
