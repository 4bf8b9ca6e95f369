import { describe, expect, it } from 'vitest';
import { answerMetrics, departmentMetrics, metricsByDepartment, percentile } from './metrics.ts';
import type { ThreadTimes } from './metrics.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('percentile (nearest rank)', () => {
  it('picks the value at rank ceil(p/100 · n)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile(ten, 91)).toBe(10);
    expect(percentile(ten, 100)).toBe(10);
    expect(percentile(ten, 0)).toBe(1);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([3, 8], 50)).toBe(3);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('department metrics', () => {
  const now = 10 * HOUR;
  const thread = (t: Partial<ThreadTimes>): ThreadTimes => ({
    departmentId: 'support',
    status: 'open',
    firstSeenAt: 0,
    answeredAt: null,
    dueAt: null,
    ...t,
  });

  it('counts first responses, SLA breaches, open and overdue threads exactly', () => {
    const threads = [
      // answered in 10, 20 and 40 minutes against a 30-minute target: one late
      thread({ status: 'answered', answeredAt: 10 * MIN, dueAt: 30 * MIN }),
      thread({ status: 'answered', answeredAt: 20 * MIN, dueAt: 30 * MIN }),
      thread({ status: 'resolved', answeredAt: 40 * MIN, dueAt: 30 * MIN }),
      // open past its target: overdue and a breach
      thread({ dueAt: 9 * HOUR }),
      // open, target still ahead: not judged yet
      thread({ dueAt: 11 * HOUR }),
      // no target at all (unrouted when seen)
      thread({}),
    ];
    expect(departmentMetrics('support', threads, now)).toEqual({
      departmentId: 'support',
      seen: 6,
      answered: 3,
      open: 3,
      overdue: 1,
      breaches: 2,
      slaMetPercent: 50, // 2 of the 4 judged met their target
      firstResponseMedianMs: 20 * MIN,
      firstResponseP90Ms: 40 * MIN,
    });
  });

  it('rounds the SLA share to one decimal and says null when nothing was judged', () => {
    const met = thread({ status: 'answered', answeredAt: MIN, dueAt: 30 * MIN });
    const late = thread({ status: 'answered', answeredAt: HOUR, dueAt: 30 * MIN });
    expect(departmentMetrics('s', [met, met, late], now).slaMetPercent).toBe(66.7);
    expect(departmentMetrics('s', [thread({})], now)).toMatchObject({
      slaMetPercent: null,
      firstResponseMedianMs: null,
      firstResponseP90Ms: null,
    });
  });

  it('groups by department in order of first appearance, unrouted threads as null', () => {
    const rows = [
      thread({ departmentId: 'sales' }),
      thread({ departmentId: null }),
      thread({ departmentId: 'sales', status: 'answered', answeredAt: 5 * MIN }),
    ];
    const figures = metricsByDepartment(rows, now);
    expect(figures.map((d) => [d.departmentId, d.seen, d.answered])).toEqual([
      ['sales', 2, 1],
      [null, 1, 0],
    ]);
    expect(figures[0]!.firstResponseMedianMs).toBe(5 * MIN);
  });
});

describe('answer metrics', () => {
  const answer = (by: string | null, seen: number, answered: number, name: string | null = by) => ({
    answeredBy: by,
    name,
    firstSeenAt: seen,
    answeredAt: answered,
  });

  it('counts answers per member, most first, named from the members table', () => {
    const { answeredByMember, memberNames } = answerMetrics([
      answer('ana', 0, MIN, 'Ana'),
      answer('ben', 0, MIN, 'Ben'),
      answer('ben', 0, 2 * MIN, 'Ben'),
      answer('gone', 0, MIN, null), // removed since: counted, not named
      answer(null, 0, MIN),
    ]);
    expect(answeredByMember).toEqual([
      { memberId: 'ben', answered: 2 },
      { memberId: 'ana', answered: 1 },
      { memberId: 'gone', answered: 1 },
    ]);
    expect(memberNames).toEqual({ ana: 'Ana', ben: 'Ben' });
  });

  it('gives the median first response per local day of the answer', () => {
    const day0 = 20_000 * DAY; // a UTC midnight
    const answers = [
      answer('a', day0, day0 + 1 * HOUR + 10 * MIN), // 70 min
      answer('a', day0, day0 + 2 * HOUR), // 120 min
      answer('a', day0, day0 + 3 * HOUR + 30 * MIN), // 210 min
      answer('a', day0, day0 + DAY + 5 * MIN), // next day, 1445 min
    ];
    expect(answerMetrics(answers).daily).toEqual([
      { day: day0, answered: 3, medianMs: 120 * MIN },
      { day: day0 + DAY, answered: 1, medianMs: DAY + 5 * MIN },
    ]);
    // At UTC-2 local midnight is 02:00 UTC: the 01:10 answer belongs to the day before, the
    // 00:05 one of the next UTC day to the same local day as the others.
    expect(answerMetrics(answers, -120).daily).toEqual([
      { day: day0 - DAY + 2 * HOUR, answered: 1, medianMs: 70 * MIN },
      { day: day0 + 2 * HOUR, answered: 3, medianMs: 210 * MIN },
    ]);
  });
});
