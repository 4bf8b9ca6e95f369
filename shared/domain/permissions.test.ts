import { describe, expect, it } from 'vitest';
import { permissions, refusal } from './permissions.ts';

const member = { id: 'm', role: 'member' as const, departmentIds: ['support'] };
const lead = { id: 'l', role: 'lead' as const, departmentIds: ['support'] };
const admin = { id: 'a', role: 'admin' as const, departmentIds: [] };

describe('permission table', () => {
  it('lets any member read and observe; only admins manage people', () => {
    expect(refusal(member, 'posts.observe')).toBeNull();
    expect(refusal(member, 'metrics.summary')).toBeNull();
    expect(refusal(member, 'members.create')).toBe('only admins can do this');
    expect(refusal(lead, 'members.revokeToken')).toBe('only admins can do this');
    expect(refusal(admin, 'members.revokeToken')).toBeNull();
  });

  it('lets members act on unrouted posts and on their departments’ posts only', () => {
    expect(refusal(member, 'claims.acquire', { departmentId: null })).toBeNull();
    expect(refusal(member, 'claims.acquire', { departmentId: 'support' })).toBeNull();
    expect(refusal(member, 'consults.open', { departmentId: 'sales' })).toBe(
      'this post belongs to a department you are not in',
    );
    expect(refusal(admin, 'threads.dismiss', { departmentId: 'sales' })).toBeNull();
  });

  it('keeps resolving, reopening and overriding to leads of the department concerned', () => {
    expect(refusal(member, 'threads.resolve', { departmentIds: ['support'] })).toBe(
      'only team leads and admins can do this',
    );
    expect(refusal(lead, 'threads.resolve', { departmentIds: ['support'] })).toBeNull();
    expect(refusal(lead, 'threads.reopen', { departmentIds: [null] })).toBeNull();
    expect(refusal(lead, 'claims.override', { departmentIds: ['sales'] })).toMatch(/lead of the/);
    expect(refusal(admin, 'claims.override', { departmentIds: ['sales'] })).toBeNull();
  });

  it('checks every department a rule change touches', () => {
    expect(refusal(lead, 'rules.create', { departmentIds: ['support'] })).toBeNull();
    expect(refusal(lead, 'rules.update', { departmentIds: ['support', 'sales'] })).toMatch(
      /lead of the/,
    );
    expect(refusal(lead, 'rules.reorder', { departmentIds: [] })).toBeNull();
    expect(refusal(member, 'rules.reorder', { departmentIds: [] })).toMatch(/only team leads/);
  });

  it('lets a lead tune their department, and only an admin rename one', () => {
    const tune = { departmentId: 'support', renames: false };
    expect(refusal(lead, 'departments.update', tune)).toBeNull();
    expect(refusal(lead, 'departments.update', { ...tune, renames: true })).toBe(
      'only admins can rename a department',
    );
    expect(refusal(lead, 'departments.update', { ...tune, departmentId: 'sales' })).toMatch(
      /only this department’s lead/,
    );
    expect(refusal(member, 'departments.update', tune)).toMatch(/only this department’s lead/);
    expect(refusal(admin, 'departments.update', { departmentId: 'x', renames: true })).toBeNull();
  });

  it('keeps a member’s triage: take or drop a thread, route it on, not hand it to someone', () => {
    const free = { departmentId: 'support', assigneeId: null };
    expect(refusal(member, 'threads.assign', { thread: free, target: { assigneeId: 'm' } })).toBe(
      null,
    );
    expect(
      refusal(member, 'threads.assign', { thread: free, target: { assigneeId: 'x' } }),
    ).toMatch(/only a lead/);
    expect(
      refusal(lead, 'threads.assign', { thread: free, target: { assigneeId: 'x' } }),
    ).toBeNull();
  });

  it('names one kind of access for each procedure', () => {
    expect(permissions['claims.renew']).toBe('holder');
    expect(new Set(Object.values(permissions))).toEqual(
      new Set([
        ...['member', 'holder', 'post', 'triage', 'lead', 'department-settings', 'admin'],
        ...['notes', 'consulted', 'consult-owner'],
      ]),
    );
  });
});

describe('permission table: notes and consults', () => {
  const legal = { id: 'g', role: 'member' as const, departmentIds: ['legal'] };
  const sales = { id: 's', role: 'member' as const, departmentIds: ['sales'] };
  const audience = { departmentId: 'support', consultedDepartmentIds: ['legal'] };

  it('lets the thread’s department and the departments consulted read and add notes', () => {
    expect(refusal(member, 'notes.add', { audience })).toBeNull();
    expect(refusal(legal, 'notes.add', { audience })).toBeNull();
    expect(refusal(admin, 'notes.add', { audience })).toBeNull();
    expect(refusal(sales, 'notes.add', { audience })).toMatch(/departments asked about it/);
    const unrouted = { departmentId: null, consultedDepartmentIds: [] };
    expect(refusal(sales, 'notes.add', { audience: unrouted })).toBeNull();
  });

  it('lets only members of the department asked answer a consult', () => {
    expect(refusal(legal, 'consults.answer', { departmentId: 'legal' })).toBeNull();
    expect(refusal(admin, 'consults.answer', { departmentId: 'legal' })).toBeNull();
    expect(refusal(member, 'consults.answer', { departmentId: 'legal' })).toMatch(
      /only members of the department asked/,
    );
    expect(refusal(lead, 'consults.answer', { departmentId: 'legal' })).not.toBeNull();
  });

  it('lets the owner or whoever asked withdraw a consult, not the department asked', () => {
    const thread = { departmentId: 'support', assigneeId: null };
    const owned = { thread, holderId: null, openedBy: 'x' };
    expect(refusal(member, 'consults.withdraw', owned)).toBeNull();
    expect(refusal(legal, 'consults.withdraw', owned)).toMatch(/only the post’s owner/);
    expect(refusal(legal, 'consults.withdraw', { ...owned, openedBy: 'g' })).toBeNull();
    expect(refusal(sales, 'consults.withdraw', { ...owned, holderId: 's' })).toBeNull();
    expect(
      refusal(sales, 'consults.withdraw', { ...owned, thread: { ...thread, assigneeId: 's' } }),
    ).toBeNull();
  });
});
