import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { refusal, world } from './world.ts';
import type { Person, World } from './world.ts';

describe.skipIf(!!skipReason)('rules router (createCaller)', () => {
  let w: World;
  let ana: Person; // member, Support
  let sam: Person; // lead, Support
  let lea: Person; // lead, Sales
  const rule = (name: string, departmentId: string) => ({
    name,
    keywords: [name.toLowerCase()],
    departmentId,
    mode: 'auto' as const,
  });

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    sam = await w.member('Sam', 'lead', ['Support']);
    lea = await w.member('Lea', 'lead', ['Sales']);
  });
  afterAll(() => w.close());

  it('lets a lead create, edit and delete only rules routing into departments they lead', async () => {
    const { Support, Sales } = w.departments;
    expect(await refusal(ana.call.rules.create(rule('Refund', Support!.id)))).toBe('FORBIDDEN');
    expect(await refusal(sam.call.rules.create(rule('Pricing', Sales!.id)))).toBe('FORBIDDEN');
    const refund = await sam.call.rules.create(rule('Refund', Support!.id));
    const pricing = await lea.call.rules.create(rule('Pricing', Sales!.id));
    // Moving a rule out of (or into) a department needs both departments.
    expect(await refusal(sam.call.rules.update({ id: refund.id, departmentId: Sales!.id }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await refusal(sam.call.rules.update({ id: pricing.id, departmentId: Support!.id })),
    ).toBe('FORBIDDEN');
    expect(await refusal(sam.call.rules.update({ id: pricing.id, name: 'Mine' }))).toBe(
      'FORBIDDEN',
    );
    expect(await refusal(sam.call.rules.delete({ id: pricing.id }))).toBe('FORBIDDEN');
    const renamed = await sam.call.rules.update({ id: refund.id, name: 'Refunds' });
    expect(renamed).toMatchObject({ id: refund.id, name: 'Refunds', position: 0 });
    const moved = await w.admin.call.rules.update({ id: refund.id, departmentId: Sales!.id });
    expect(moved.departmentId).toBe(Sales!.id);
    expect(await w.admin.call.rules.delete({ id: refund.id })).toEqual({ deleted: refund.id });
    expect((await ana.call.rules.list()).map((r) => r.name)).toEqual(['Pricing']);
    await w.admin.call.rules.delete({ id: pricing.id });
  });

  it('lets a lead reorder only their own rules among themselves; admins reorder all', async () => {
    const { Support, Sales } = w.departments;
    const a = await sam.call.rules.create(rule('A', Support!.id));
    const b = await lea.call.rules.create(rule('B', Sales!.id));
    const c = await sam.call.rules.create(rule('C', Support!.id));
    const names = async () => (await ana.call.rules.list()).map((r) => r.name);
    // Sam swaps his two rules; Sales' rule keeps its place between them.
    const swapped = await sam.call.rules.reorder({ ids: [c.id, b.id, a.id] });
    expect(swapped.map((r) => [r.name, r.position])).toEqual([
      ['C', 0],
      ['B', 1],
      ['A', 2],
    ]);
    expect(await refusal(sam.call.rules.reorder({ ids: [b.id, c.id, a.id] }))).toBe('FORBIDDEN');
    expect(await refusal(ana.call.rules.reorder({ ids: [c.id, b.id, a.id] }))).toBe('FORBIDDEN');
    expect(await names()).toEqual(['C', 'B', 'A']);
    await w.admin.call.rules.reorder({ ids: [b.id] });
    expect(await names()).toEqual(['B', 'C', 'A']);
  });

  it('answers the test box for anyone', async () => {
    const hit = await ana.call.rules.test({ text: 'where is my refund' });
    expect(hit.rule).toBeNull();
    expect((await ana.call.rules.test({ text: 'a question on b' })).rule?.name).toBe('B');
  });
});
