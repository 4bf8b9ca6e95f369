import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { refusal, world } from './world.ts';
import type { World } from './world.ts';

describe.skipIf(!!skipReason)('auth router (createCaller)', () => {
  let w: World;

  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.close());

  it('tells a member who they are, in which organisation and departments', async () => {
    const sam = await w.member('Sam Okafor', 'lead', ['Support']);
    const me = await sam.call.auth.whoami();
    expect(me.member).toEqual({
      id: sam.id,
      name: 'Sam Okafor',
      handle: 'sam.okafor',
      role: 'lead',
      departmentIds: [w.departments.Support!.id],
    });
    expect(me.org).toEqual({ id: w.orgId, name: 'Acme' });
    expect(me.departments.map((d) => d.name)).toEqual(['Support']);
  });

  it('refuses every procedure without a token', async () => {
    expect(await refusal(w.anonymous.auth.whoami())).toBe('UNAUTHORIZED');
    expect(await refusal(w.anonymous.departments.list())).toBe('UNAUTHORIZED');
  });
});
