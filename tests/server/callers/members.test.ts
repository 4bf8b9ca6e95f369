import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { refusal, world } from './world.ts';
import type { Person, World } from './world.ts';

describe.skipIf(!!skipReason)('members router (createCaller)', () => {
  let w: World;
  let ana: Person;
  let sam: Person;

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    sam = await w.member('Sam', 'lead', ['Support']);
  });
  afterAll(() => w.close());

  it('shows everyone the org’s people; only admins add, change and remove them', async () => {
    expect((await ana.call.members.list()).map((m) => m.name)).toEqual(['Ada Admin', 'Ana', 'Sam']);
    for (const who of [ana, sam]) {
      expect(await refusal(who.call.members.create({ name: 'Mallory', role: 'admin' }))).toBe(
        'FORBIDDEN',
      );
      expect(await refusal(who.call.members.update({ id: ana.id, role: 'admin' }))).toBe(
        'FORBIDDEN',
      );
      expect(await refusal(who.call.members.remove({ id: ana.id }))).toBe('FORBIDDEN');
    }
    const { member, token } = await w.admin.call.members.create({
      name: 'Cleo Dupont',
      role: 'member',
      departmentIds: [w.departments.Sales!.id],
    });
    expect(member).toMatchObject({ handle: 'cleo.dupont', role: 'member' });
    expect(token).toMatch(/^sb_[\w-]{43}$/);
    const promoted = await w.admin.call.members.update({ id: member.id, role: 'lead' });
    expect(promoted.role).toBe('lead');
    expect(await w.admin.call.members.remove({ id: member.id })).toEqual({ removed: member.id });
    expect((await ana.call.members.list()).map((m) => m.name)).not.toContain('Cleo Dupont');
  });

  it('keeps tokens to admins: list, issue (shown once) and revoke', async () => {
    expect(await refusal(sam.call.members.tokens({ memberId: ana.id }))).toBe('FORBIDDEN');
    expect(await refusal(sam.call.members.issueToken({ memberId: ana.id }))).toBe('FORBIDDEN');
    const { token } = await w.admin.call.members.issueToken({ memberId: ana.id });
    expect(token).toMatch(/^sb_/);
    const tokens = await w.admin.call.members.tokens({ memberId: ana.id });
    expect(tokens).toHaveLength(2);
    expect(await refusal(ana.call.members.revokeToken({ id: tokens[1]!.id }))).toBe('FORBIDDEN');
    expect(await w.admin.call.members.revokeToken({ id: tokens[1]!.id })).toEqual({
      revoked: tokens[1]!.id,
    });
    expect(await refusal(w.admin.call.members.revokeToken({ id: tokens[1]!.id }))).toBe(
      'NOT_FOUND',
    );
  });
});
