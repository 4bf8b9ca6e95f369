import { describe, expect, it } from 'vitest';
import { formatSla, slaDueAt, slaPhase } from './sla.ts';

const MIN = 60_000;

describe('SLA', () => {
  it('is due a department’s target after the team first saw the post', () => {
    expect(slaDueAt(1_000, 30)).toBe(1_000 + 30 * MIN);
    expect(slaDueAt(1_000, null)).toBeNull();
  });

  it('warns from 75% of the target and breaches at the due time', () => {
    const due = 60 * MIN;
    expect(slaPhase(0, due, 44 * MIN)).toBe('ok');
    expect(slaPhase(0, due, 45 * MIN)).toBe('warning');
    expect(slaPhase(0, due, 60 * MIN)).toBe('breached');
    expect(slaPhase(0, null, 10 * MIN)).toBe('none');
  });

  it('formats what is left, or how late it is', () => {
    expect(formatSla(125 * MIN, 0)).toBe('2h 5m left');
    expect(formatSla(12 * MIN + 30_000, 0)).toBe('12m left');
    expect(formatSla(0, 3 * MIN)).toBe('overdue 3m');
  });
});
