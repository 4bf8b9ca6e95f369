import { describe, expect, it } from 'vitest';
import {
  consultRefusal,
  departmentsToConsult,
  nextConsultStatus,
  waitingOnOf,
} from './consult-state.ts';
import { formatWait, waitingLabel, waitingSince } from './waiting-on.ts';

const wait = (departmentId: string, since: number) => ({
  consultId: `c-${departmentId}`,
  departmentId,
  since,
  askedBy: 'ana',
});

describe('consult state', () => {
  it('moves an open consult to answered or withdrawn, and nothing after', () => {
    expect(nextConsultStatus('open', 'answer')).toEqual({ ok: true, status: 'answered' });
    expect(nextConsultStatus('open', 'withdraw')).toEqual({ ok: true, status: 'withdrawn' });
    expect(nextConsultStatus('answered', 'answer')).toEqual({
      ok: false,
      error: 'this consult was already answered',
    });
    expect(nextConsultStatus('withdrawn', 'answer')).toMatchObject({ ok: false });
    expect(nextConsultStatus('answered', 'withdraw')).toMatchObject({ ok: false });
  });

  it('refuses asking the thread’s own department or one already waited on', () => {
    const thread = { departmentId: 'support', waitingOn: [wait('legal', 1)] };
    expect(consultRefusal(thread, 'support', 'Support')).toEqual({
      reason: 'own-department',
      message: 'this post is already Support’s: assign it, or ask another department',
    });
    expect(consultRefusal(thread, 'legal', 'Legal')?.reason).toBe('already-asked');
    expect(consultRefusal(thread, 'finance')).toBeNull();
    // An unrouted post can ask anyone.
    expect(consultRefusal({ departmentId: null, waitingOn: [] }, 'support')).toBeNull();
  });

  it('asks the departments a note mentions, once, except its own and those already asked', () => {
    const thread = { departmentId: 'support', waitingOn: [wait('legal', 1)] };
    expect(departmentsToConsult(thread, ['support', 'finance', 'legal', 'finance', 'hr'])).toEqual([
      'finance',
      'hr',
    ]);
  });

  it('keeps the open consults oldest first as the thread waits on them', () => {
    const rows = [
      { id: 'b', departmentId: 'hr', status: 'open' as const, openedAt: 20, openedBy: 'ana' },
      { id: 'a', departmentId: 'legal', status: 'open' as const, openedAt: 10, openedBy: null },
      { id: 'c', departmentId: 'pr', status: 'answered' as const, openedAt: 5, openedBy: 'ana' },
      { id: 'd', departmentId: 'it', status: 'withdrawn' as const, openedAt: 1, openedBy: 'ana' },
    ];
    expect(waitingOnOf(rows)).toEqual([
      { consultId: 'a', departmentId: 'legal', since: 10, askedBy: null },
      { consultId: 'b', departmentId: 'hr', since: 20, askedBy: 'ana' },
    ]);
    expect(waitingSince(waitingOnOf(rows))).toBe(10);
    expect(waitingSince([])).toBeNull();
  });

  it('says what a thread waits on and for how long', () => {
    const name = (id: string) => ({ legal: 'Legal', hr: 'HR', pr: 'PR' })[id] ?? id;
    expect(waitingLabel([], name)).toBeNull();
    expect(waitingLabel([wait('legal', 1)], name)).toBe('Waiting on Legal');
    expect(waitingLabel([wait('legal', 1), wait('hr', 2)], name)).toBe('Waiting on Legal and HR');
    expect(waitingLabel([wait('legal', 1), wait('hr', 2), wait('pr', 3)], name)).toBe(
      'Waiting on Legal, HR and PR',
    );
    expect(formatWait(-5)).toBe('0m');
    expect(formatWait(4 * 60_000 + 59_000)).toBe('4m');
    expect(formatWait(125 * 60_000)).toBe('2h 5m');
    expect(formatWait((3 * 24 + 4) * 3_600_000)).toBe('3d 4h');
  });
});
