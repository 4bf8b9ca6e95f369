import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('CSV export', () => {
  it('quotes what needs quoting and leaves the rest', () => {
    expect(
      toCsv([
        ['a', 1, null],
        ['say "hi", ok', 'line\nbreak', { x: 1 }],
      ]),
    ).toBe('a,1,\r\n"say ""hi"", ok","line\nbreak","{""x"":1}"\r\n');
  });
});
