import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.ts';

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(12 * 60_000 + 20_000)).toBe('12 min');
    expect(formatDuration(3.5 * 3_600_000)).toBe('3.5 h');
    expect(formatDuration(2.1 * 86_400_000)).toBe('2.1 d');
  });
});
