import { describe, expect, it } from 'vitest';
import type { Department } from './schemas/org.ts';
import { watchMatcher, watchPattern } from './watch-phrases.ts';

const dept = (id: string, watchPhrases: Department['watchPhrases']): Department => ({
  id,
  name: id,
  color: '#123456',
  slaMinutes: 30,
  guidelines: { dos: [], donts: [], tone: '' },
  watchPhrases,
});

const legal = dept('legal', [
  { kind: 'word', pattern: 'guarantee', reason: 'Legal: never guarantee outcomes' },
  { kind: 'word', pattern: 'full refund', reason: 'Only Billing promises refunds' },
  {
    kind: 'regex',
    pattern: '\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b',
    reason: 'No card numbers',
  },
]);

describe('watch phrases', () => {
  it('finds whole words and phrases in any case, with the draft’s own words', () => {
    const match = watchMatcher([legal]);
    expect(match('We GUARANTEE delivery by Friday')).toEqual([
      {
        departmentId: 'legal',
        pattern: 'guarantee',
        reason: 'Legal: never guarantee outcomes',
        match: 'GUARANTEE',
      },
    ]);
    expect(match('you will get a Full\n refund').map((h) => h.match)).toEqual(['Full\n refund']);
    // Part of a longer word is not the word.
    expect(match('guaranteed, unguarantee')).toEqual([]);
    expect(match('Card 4111 1111 1111 1111 please').map((h) => h.reason)).toEqual([
      'No card numbers',
    ]);
  });

  it('takes words at the edges of any script and punctuation', () => {
    const fr = watchMatcher([dept('fr', [{ kind: 'word', pattern: 'rembourser', reason: 'r' }])]);
    expect(fr('«rembourser»')).toHaveLength(1);
    expect(fr('éremboursera')).toHaveLength(0);
    expect(watchPattern({ kind: 'word', pattern: 'a.b' })).toContain('a\\.b');
    expect(
      watchMatcher([dept('x', [{ kind: 'word', pattern: 'a.b', reason: 'r' }])])('axb'),
    ).toEqual([]);
  });

  it('skips a phrase that does not compile and keeps the others', () => {
    const match = watchMatcher([
      dept('d', [
        { kind: 'regex', pattern: '(a)\\1', reason: 'broken' },
        { kind: 'word', pattern: 'promise', reason: 'kept' },
      ]),
      dept('old', undefined),
    ]);
    expect(match('I promise (a)a').map((h) => h.reason)).toEqual(['kept']);
  });
});
