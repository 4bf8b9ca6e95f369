import type { StoryStep } from './schemas/consult.ts';

/** Names for a story's ids: members (removed ones included) and departments. */
export interface StoryNames {
  member(id: string | null): string;
  department(id: string | null): string;
}

/**
 * One step of a thread's timeline in words, with who did it: "Routed to Legal by Ana Lima",
 * "Gil Legal answered for Legal". The overlay's panel and the dashboard tell it the same way.
 */
export function describeStep(step: StoryStep, names: StoryNames): string {
  const by = step.actorId ? names.member(step.actorId) : 'Switchboard';
  const dept = names.department(step.departmentId);
  const member = names.member(step.memberId);
  switch (step.type) {
    case 'post.seen':
      return `First seen by ${by}`;
    case 'thread.routed':
      if (!step.departmentId) return `Unrouted by ${by}`;
      return step.automatic ? `Routed to ${dept} by a routing rule` : `Routed to ${dept} by ${by}`;
    case 'thread.assigned':
      return step.memberId ? `Assigned to ${member} by ${by}` : `Unassigned by ${by}`;
    case 'claim.acquired':
      return `Claimed by ${by}`;
    case 'claim.renewed':
      return `Claim renewed by ${by}`;
    case 'claim.released':
      return `Released by ${by}`;
    case 'claim.expired':
      return `${member}’s claim expired`;
    case 'claim.overridden': {
      const from = step.previousMemberId
        ? `${names.member(step.previousMemberId)}’s claim`
        : 'the claim';
      return step.memberId ? `${by} gave ${from} to ${member}` : `${by} released ${from}`;
    }
    case 'consult.opened':
      return `${by} asked ${dept}`;
    case 'consult.answered':
      return `${by} answered for ${dept}`;
    case 'consult.withdrawn':
      return `${by} withdrew the question to ${dept}`;
    case 'thread.answered':
      return `Marked answered by ${by}`;
    case 'thread.replied': {
      const held = step.memberId ? ` while ${member} was answering` : '';
      const flag = step.reply?.withoutClaim ? ' · answered without claim' : '';
      return `${by} replied on the site${held}${flag}`;
    }
    case 'thread.resolved':
      return `Resolved by ${by}`;
    case 'thread.reopened':
      return `Reopened by ${by}`;
    case 'thread.dismissed':
      return `Dismissed by ${by}`;
    case 'note.added':
      return `Note by ${by}`;
    case 'member.changed':
      // Not a step of any thread (it concerns a member); said plainly should one be shown.
      return `A member was changed by ${by}`;
    case 'department.changed':
      return `Department settings changed by ${by}`;
  }
}
