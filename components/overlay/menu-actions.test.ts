import { describe, expect, it } from 'vitest';
import type { OverlayView } from '../../shared/messaging/protocol.ts';
import type { Department, Member } from '../../shared/domain/schemas/org.ts';
import { assignableDepartments, assignablePeople, menuActions } from './menu-actions.ts';
import { acceptableSuggestion, initials } from './post-rights.ts';

const guidelines = { dos: [], donts: [], tone: '' };
const sales: Department = { id: 'd1', name: 'Sales', color: '#1f77b4', slaMinutes: 60, guidelines };
const support: Department = {
  id: 'd2',
  name: 'Support',
  color: '#2ca02c',
  slaMinutes: 30,
  guidelines,
};
const ana: Member = {
  id: 'm1',
  name: 'Ana Lima',
  handle: 'ana',
  role: 'member',
  departmentIds: ['d1'],
};
const ben: Member = { id: 'm2', name: 'Ben', handle: 'ben', role: 'member', departmentIds: ['d1'] };
const lea: Member = { id: 'm3', name: 'Lea', handle: 'lea', role: 'lead', departmentIds: ['d1'] };

function view(
  patch: Partial<OverlayView['thread']> = {},
  holder: Member | null = null,
): OverlayView {
  return {
    thread: {
      postKey: 'x:1',
      platform: 'x',
      url: 'https://x.com/a/status/1',
      authorHandle: 'a',
      authorName: 'A',
      text: 'hi',
      postedAt: null,
      departmentId: null,
      suggestedDepartmentId: null,
      assigneeId: null,
      status: 'open',
      version: 1,
      firstSeenAt: 0,
      firstSeenBy: null,
      answeredAt: null,
      answeredBy: null,
      dueAt: null,
      noteCount: 0,
      waitingOn: [],
      ...patch,
    },
    claim: holder && {
      postKey: 'x:1',
      holderId: holder.id,
      holderName: holder.name,
      token: 1,
      expiresAt: 1e13,
    },
  };
}

describe('menu actions', () => {
  it('offers Claim on any open post not held by me, even before the view arrives', () => {
    expect(menuActions(undefined, ana)).toEqual(['claim', 'assign', 'dismiss']);
    expect(menuActions(view({}, ben), ana)).toContain('claim');
    expect(menuActions(view({ status: 'answered' }), ana)).toEqual(['assign']);
  });

  it('gives the holder Mark answered and Release instead of Claim', () => {
    expect(menuActions(view({ departmentId: 'd1' }, ana), ana)).toEqual([
      'markAnswered',
      'release',
      'assign',
      'dismiss',
    ]);
  });

  it('gives leads Override claim, Resolve and Reopen', () => {
    expect(menuActions(view({ departmentId: 'd1' }, ben), lea)).toEqual([
      'claim',
      'assign',
      'dismiss',
      'override',
      'resolve',
    ]);
    expect(menuActions(view({ departmentId: 'd1', status: 'resolved' }), lea)).toContain('reopen');
    expect(menuActions(view({ departmentId: 'd1' }, ben), ana)).not.toContain('override');
  });

  it('does not offer Assign on a post assigned to someone else, unless lead', () => {
    const held = view({ departmentId: 'd1', assigneeId: ben.id });
    expect(menuActions(held, ana)).not.toContain('assign');
    expect(menuActions(held, lea)).toContain('assign');
  });

  it('lets a member assign only themselves; a lead anyone in the department', () => {
    const v = view({ departmentId: 'd1' });
    expect(assignableDepartments(v, ana, [sales, support])).toEqual([sales, support]);
    expect(assignablePeople(v, ana, sales, [ana, ben, lea])).toEqual([ana]);
    expect(assignablePeople(v, lea, sales, [ana, ben, lea])).toEqual([ana, ben, lea]);
  });

  it('offers a suggestion only while the post is unrouted', () => {
    expect(acceptableSuggestion(view({ suggestedDepartmentId: 'd1' }), ana, [sales])).toBe(sales);
    const routed = view({ suggestedDepartmentId: 'd1', departmentId: 'd2' });
    expect(acceptableSuggestion(routed, ana, [sales])).toBeNull();
    expect(acceptableSuggestion(view({ suggestedDepartmentId: 'd1' }), null, [sales])).toBeNull();
  });

  it('makes initials', () => {
    expect(initials('Ana Lima')).toBe('AL');
    expect(initials('ben')).toBe('BE');
    expect(initials('  María José de la Cruz ')).toBe('MC');
  });
});
