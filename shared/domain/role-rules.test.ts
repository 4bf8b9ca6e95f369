import { describe, expect, it } from 'vitest';
import { assignRefusal, canActOn, canLead } from './role-rules.ts';

const member = { id: 'm', role: 'member' as const, departmentIds: ['support'] };
const lead = { id: 'l', role: 'lead' as const, departmentIds: ['support'] };
const admin = { id: 'a', role: 'admin' as const, departmentIds: [] };

describe('permissions', () => {
  it('lets members act on unrouted threads and their departments’ threads only', () => {
    expect(canActOn(member, { departmentId: null, assigneeId: null })).toBe(true);
    expect(canActOn(member, { departmentId: 'support', assigneeId: null })).toBe(true);
    expect(canActOn(member, { departmentId: 'sales', assigneeId: null })).toBe(false);
    expect(canActOn(admin, { departmentId: 'sales', assigneeId: null })).toBe(true);
  });

  it('lets leads lead only their departments', () => {
    expect(canLead(lead, 'support')).toBe(true);
    expect(canLead(lead, 'sales')).toBe(false);
    expect(canLead(member, 'support')).toBe(false);
  });

  it('lets a member triage and take a thread, but not reassign someone else’s', () => {
    const free = { departmentId: 'support', assigneeId: null };
    expect(assignRefusal(member, free, { departmentId: 'sales' })).toBeNull();
    expect(assignRefusal(member, free, { assigneeId: 'm' })).toBeNull();
    expect(assignRefusal(member, free, { assigneeId: 'x' })).toMatch(/only a lead/);
    expect(assignRefusal(member, { ...free, assigneeId: 'x' }, { assigneeId: null })).toMatch(
      /only a lead/,
    );
    expect(assignRefusal(lead, { ...free, assigneeId: 'x' }, { assigneeId: 'm' })).toBeNull();
    expect(assignRefusal(lead, { departmentId: 'sales', assigneeId: null }, {})).toMatch(/not in/);
  });
});
