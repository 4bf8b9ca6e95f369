import { describe, expect, it } from 'vitest';
import type { Department, Member } from '../domain/schemas/org.ts';
import type { SessionInfo } from '../messaging/protocol.ts';
import { threadView } from '../../tests/fixtures/thread-view.ts';
import { claimsOnType, guardDepartment, guardState, guidelinesLine } from './composer-state.ts';

const ana: Member = {
  id: 'ana',
  name: 'Ana Lima',
  handle: 'ana',
  role: 'member',
  departmentIds: ['support'],
};
const lou: Member = { ...ana, id: 'lou', name: 'Lou Lead', role: 'lead' };
const support: Department = {
  id: 'support',
  name: 'Support',
  color: '#2563eb',
  slaMinutes: 30,
  guidelines: {
    tone: 'warm, brief',
    dos: ['Say sorry once', 'Offer a DM'],
    donts: ['Promise dates'],
  },
};
const sales: Department = {
  ...support,
  id: 'sales',
  name: 'Sales',
  guidelines: { tone: '', dos: [], donts: [] },
};
const session = (me: Member, over: Partial<SessionInfo> = {}): SessionInfo => ({
  connection: 'online',
  me,
  departments: [support, sales],
  members: [ana, lou],
  ...over,
});
const held = (holderId: string, holderName: string, departmentId = 'support') => ({
  ...threadView('x:1', { departmentId }),
  claim: { postKey: 'x:1', holderId, holderName, token: 3, expiresAt: 10 },
});

describe('the composer guard’s state', () => {
  it('warns of someone else’s claim, and offers leads of the post’s department an override', () => {
    expect(guardState(held('ben', 'Ben Weiss'), session(ana))).toEqual({
      kind: 'held',
      holderName: 'Ben Weiss',
      canOverride: false,
    });
    expect(guardState(held('ben', 'Ben Weiss'), session(lou))).toMatchObject({ canOverride: true });
    expect(guardState(held('ben', 'Ben Weiss', 'sales'), session(lou))).toMatchObject({
      canOverride: false,
    });
    expect(guardState(held('ana', 'Ana Lima'), session(ana))).toEqual({ kind: 'mine' });
  });

  it('claims a free post on the first keystroke only when chosen, allowed and something was typed', () => {
    const free = threadView('x:1', { departmentId: 'support' });
    const state = guardState(free, session(ana));
    expect(state).toEqual({ kind: 'free', claimOnType: true, canClaim: true });
    expect(claimsOnType(state, 'H')).toBe(true);
    expect(claimsOnType(state, '  ')).toBe(false);
    expect(claimsOnType(guardState(free, session(ana, { claimOnType: false })), 'H')).toBe(false);
    const elsewhere = guardState(threadView('x:1', { departmentId: 'sales' }), session(ana));
    expect(elsewhere).toMatchObject({ canClaim: false });
    expect(claimsOnType(elsewhere, 'H')).toBe(false);
    expect(claimsOnType(guardState(held('ben', 'Ben'), session(ana)), 'H')).toBe(false);
  });

  it('says who answered a closed post, and stays quiet without a view or a session', () => {
    const answered = threadView('x:1', { status: 'answered', answeredBy: 'lou' });
    expect(guardState(answered, session(ana))).toEqual({
      kind: 'closed',
      status: 'answered',
      answeredBy: 'Lou Lead',
    });
    expect(guardState(answered, session(lou))).toMatchObject({ answeredBy: 'you' });
    expect(guardState(undefined, session(ana))).toEqual({ kind: 'unknown' });
    expect(guardState(answered, session(ana, { connection: 'signed-out' }))).toEqual({
      kind: 'unknown',
    });
  });

  it('shows the post’s department’s guidelines in one line, or the member’s own for an unrouted post', () => {
    expect(guardDepartment(threadView('x:1', { departmentId: 'sales' }), session(ana))?.name).toBe(
      'Sales',
    );
    expect(guardDepartment(threadView('x:1'), session(ana))?.name).toBe('Support');
    expect(guidelinesLine(support)).toBe(
      'Tone: warm, brief · Do: Say sorry once; Offer a DM · Don’t: Promise dates',
    );
    expect(guidelinesLine(sales)).toBeNull();
  });
});
