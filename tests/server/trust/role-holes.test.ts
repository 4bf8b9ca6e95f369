import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { post, refusal, world } from '../callers/world.ts';
import type { Person, World } from '../callers/world.ts';

/** The role holes issue 10 found, each tried as an attacker would; the matrix test covers all. */
describe.skipIf(!!skipReason)('trust: the role holes stay closed', () => {
  let w: World;
  let ana: Person; // member, Support
  let sam: Person; // lead, Support
  let lea: Person; // lead, Sales

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    sam = await w.member('Sam', 'lead', ['Support']);
    lea = await w.member('Lea', 'lead', ['Sales']);
  });
  afterAll(() => w.close());

  async function supportPost() {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    await ana.call.threads.assign({ postKey: p.key, departmentId: w.departments.Support!.id });
    return p;
  }

  it('keeps threads.resolve and threads.reopen from plain members', async () => {
    const p = await supportPost();
    expect(await refusal(ana.call.threads.resolve({ postKey: p.key }))).toBe('FORBIDDEN');
    await sam.call.threads.resolve({ postKey: p.key });
    expect(await refusal(ana.call.threads.reopen({ postKey: p.key }))).toBe('FORBIDDEN');
  });

  it('refuses claims.override onto a resolved thread, as claims.acquire does', async () => {
    const p = await supportPost();
    await ana.call.claims.acquire({ postKey: p.key });
    await sam.call.threads.resolve({ postKey: p.key });
    expect(await refusal(ana.call.claims.acquire({ postKey: p.key }))).toBe('CONFLICT');
    expect(await refusal(sam.call.claims.override({ postKey: p.key, toMemberId: ana.id }))).toBe(
      'CONFLICT',
    );
    expect(
      await refusal(w.admin.call.claims.override({ postKey: p.key, toMemberId: sam.id })),
    ).toBe('CONFLICT');
    const [view] = await ana.call.posts.get({ postKeys: [p.key] });
    expect(view!.claim).toBeNull();
  });

  it('keeps a lead’s rules to the departments they lead', async () => {
    const { Support, Sales } = w.departments;
    const rule = {
      name: 'Refund',
      keywords: ['refund'],
      departmentId: Sales!.id,
      mode: 'auto' as const,
    };
    expect(await refusal(sam.call.rules.create(rule))).toBe('FORBIDDEN');
    const sales = await lea.call.rules.create(rule);
    const own = await sam.call.rules.create({ ...rule, name: 'Mine', departmentId: Support!.id });
    expect(await refusal(sam.call.rules.update({ id: sales.id, enabled: false }))).toBe(
      'FORBIDDEN',
    );
    expect(await refusal(sam.call.rules.update({ id: own.id, departmentId: Sales!.id }))).toBe(
      'FORBIDDEN',
    );
    expect(await refusal(sam.call.rules.delete({ id: sales.id }))).toBe('FORBIDDEN');
    expect(await refusal(sam.call.rules.reorder({ ids: [own.id, sales.id] }))).toBe('FORBIDDEN');
    expect((await ana.call.rules.list()).map((r) => [r.name, r.enabled])).toEqual([
      ['Refund', true],
      ['Mine', true],
    ]);
  });
});
