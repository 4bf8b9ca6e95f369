import { describe, expect, it } from 'vitest';
import type { StoryStep } from './schemas/consult.ts';
import { describeStep } from './story-text.ts';

const names = {
  member: (id: string | null) =>
    ({ ana: 'Ana Lima', gil: 'Gil Legal', lou: 'Lou Lead' })[id ?? ''] ?? 'someone',
  department: (id: string | null) =>
    ({ support: 'Support', legal: 'Legal' })[id ?? ''] ?? 'a department',
};
const step = (over: Partial<StoryStep>): StoryStep => ({
  eventId: 1,
  type: 'post.seen',
  at: 0,
  actorId: 'ana',
  departmentId: null,
  memberId: null,
  previousMemberId: null,
  automatic: false,
  ...over,
});
const say = (over: Partial<StoryStep>) => describeStep(step(over), names);

describe('the story in words', () => {
  it('names who routed, assigned, claimed and released', () => {
    expect(say({})).toBe('First seen by Ana Lima');
    expect(say({ type: 'thread.routed', departmentId: 'support' })).toBe(
      'Routed to Support by Ana Lima',
    );
    expect(say({ type: 'thread.routed', departmentId: 'support', automatic: true })).toBe(
      'Routed to Support by a routing rule',
    );
    expect(say({ type: 'thread.routed' })).toBe('Unrouted by Ana Lima');
    expect(say({ type: 'thread.assigned', memberId: 'gil', actorId: 'lou' })).toBe(
      'Assigned to Gil Legal by Lou Lead',
    );
    expect(say({ type: 'thread.assigned' })).toBe('Unassigned by Ana Lima');
    expect(say({ type: 'claim.acquired' })).toBe('Claimed by Ana Lima');
    expect(say({ type: 'claim.released' })).toBe('Released by Ana Lima');
    expect(say({ type: 'claim.expired', actorId: null, memberId: 'ana' })).toBe(
      'Ana Lima’s claim expired',
    );
  });

  it('names overrides, consults and the thread’s states', () => {
    const override = { type: 'claim.overridden' as const, actorId: 'lou', previousMemberId: 'ana' };
    expect(say({ ...override, memberId: 'gil' })).toBe(
      'Lou Lead gave Ana Lima’s claim to Gil Legal',
    );
    expect(say(override)).toBe('Lou Lead released Ana Lima’s claim');
    expect(say({ type: 'consult.opened', departmentId: 'legal' })).toBe('Ana Lima asked Legal');
    expect(say({ type: 'consult.answered', departmentId: 'legal', actorId: 'gil' })).toBe(
      'Gil Legal answered for Legal',
    );
    expect(say({ type: 'consult.withdrawn', departmentId: 'legal' })).toBe(
      'Ana Lima withdrew the question to Legal',
    );
    expect(say({ type: 'thread.answered' })).toBe('Marked answered by Ana Lima');
    expect(say({ type: 'thread.resolved', actorId: 'lou' })).toBe('Resolved by Lou Lead');
    expect(say({ type: 'thread.reopened', actorId: null })).toBe('Reopened by Switchboard');
    expect(say({ type: 'thread.dismissed' })).toBe('Dismissed by Ana Lima');
  });

  it('tells a reply sent on the site, and flags one sent past someone else’s claim', () => {
    const reply = { text: 'Sorry about that!', withoutClaim: false };
    expect(say({ type: 'thread.replied', reply })).toBe('Ana Lima replied on the site');
    expect(
      say({ type: 'thread.replied', memberId: 'gil', reply: { ...reply, withoutClaim: true } }),
    ).toBe('Ana Lima replied on the site while Gil Legal was answering · answered without claim');
  });
});
