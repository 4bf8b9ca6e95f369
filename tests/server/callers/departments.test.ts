import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { refusal, refusalMessage, world } from './world.ts';
import type { Person, World } from './world.ts';

describe.skipIf(!!skipReason)('departments router (createCaller)', () => {
  let w: World;
  let ana: Person;
  let sam: Person;

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    sam = await w.member('Sam', 'lead', ['Support']);
  });
  afterAll(() => w.close());

  it('lists departments for everyone and lets only admins create one', async () => {
    expect((await ana.call.departments.list()).map((d) => d.name)).toEqual(['Sales', 'Support']);
    expect(await refusal(sam.call.departments.create({ name: 'Ops' }))).toBe('FORBIDDEN');
    const ops = await w.admin.call.departments.create({ name: 'Ops', slaMinutes: 15 });
    expect(ops).toMatchObject({ name: 'Ops', slaMinutes: 15 });
    expect(await refusal(w.admin.call.departments.create({ name: 'Ops' }))).toBe('CONFLICT');
  });

  it('lets a lead tune their own department; renaming is for admins', async () => {
    const { Support, Sales } = w.departments;
    const tuned = await sam.call.departments.update({ id: Support!.id, slaMinutes: 20 });
    expect(tuned.slaMinutes).toBe(20);
    expect(
      await refusalMessage(sam.call.departments.update({ id: Support!.id, name: 'Help' })),
    ).toBe('only admins can rename a department');
    expect(await refusal(sam.call.departments.update({ id: Sales!.id, slaMinutes: 5 }))).toBe(
      'FORBIDDEN',
    );
    expect(await refusal(ana.call.departments.update({ id: Support!.id, slaMinutes: 5 }))).toBe(
      'FORBIDDEN',
    );
    const renamed = await w.admin.call.departments.update({ id: Sales!.id, name: 'Revenue' });
    expect(renamed.name).toBe('Revenue');
  });
});
