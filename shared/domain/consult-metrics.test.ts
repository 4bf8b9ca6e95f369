import { describe, expect, it } from 'vitest';
import { consultWaits } from './consult-metrics.ts';

const MIN = 60_000;
const now = 1_000 * MIN;

describe('consult metrics', () => {
  it('measures waits per department asked, open ones up to now, withdrawn ones not at all', () => {
    const legal = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((m, i) => ({
      departmentId: 'legal',
      status: 'answered' as const,
      openedAt: i * MIN,
      closedAt: i * MIN + m * MIN,
    }));
    const finance = [
      { departmentId: 'finance', status: 'answered' as const, openedAt: 0, closedAt: 5 * MIN },
      { departmentId: 'finance', status: 'withdrawn' as const, openedAt: 0, closedAt: 900 * MIN },
      { departmentId: 'finance', status: 'open' as const, openedAt: now - 7 * MIN, closedAt: null },
      { departmentId: 'finance', status: 'open' as const, openedAt: now - 3 * MIN, closedAt: null },
    ];
    const [first, second] = consultWaits([...finance, ...legal], now);
    expect(first).toEqual({
      departmentId: 'legal',
      asked: 10,
      answered: 10,
      withdrawn: 0,
      open: 0,
      waitMedianMs: 50 * MIN,
      waitP90Ms: 90 * MIN,
      oldestOpenMs: null,
    });
    expect(second).toEqual({
      departmentId: 'finance',
      asked: 4,
      answered: 1,
      withdrawn: 1,
      open: 2,
      // 3, 5 and 7 minutes: two still waiting, one answered.
      waitMedianMs: 5 * MIN,
      waitP90Ms: 7 * MIN,
      oldestOpenMs: 7 * MIN,
    });
  });

  it('has nothing to say without consults, and no wait when every one was withdrawn', () => {
    expect(consultWaits([], now)).toEqual([]);
    const [only] = consultWaits(
      [{ departmentId: 'hr', status: 'withdrawn', openedAt: 0, closedAt: MIN }],
      now,
    );
    expect(only).toMatchObject({ asked: 1, withdrawn: 1, waitMedianMs: null, waitP90Ms: null });
  });
});
