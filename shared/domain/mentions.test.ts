import { describe, expect, it } from 'vitest';
import { mentionAtCaret, parseMentions } from './mentions.ts';

const members = [
  { id: 'ana', name: 'Ana Lima', handle: 'alima' },
  { id: 'an', name: 'Ana', handle: 'ana2' },
  { id: 'ben', name: 'Ben Weiss', handle: 'bweiss' },
];
const departments = [
  { id: 'legal', name: 'Legal' },
  { id: 'cs', name: 'Customer Success' },
  { id: 'c', name: 'Customer' },
];
const parse = (text: string) => parseMentions(text, members, departments);

describe('mentions', () => {
  it('finds members by full name (longest first) or handle, and departments by name', () => {
    const p = parse('@Ana Lima and @bweiss: ask #Legal and #customer success, please');
    expect(p.memberIds).toEqual(['ana', 'ben']);
    expect(p.departmentIds).toEqual(['legal', 'cs']);
    expect(p.parts).toEqual([
      { kind: 'member', text: '@Ana Lima', id: 'ana' },
      { kind: 'text', text: ' and ' },
      { kind: 'member', text: '@bweiss', id: 'ben' },
      { kind: 'text', text: ': ask ' },
      { kind: 'department', text: '#Legal', id: 'legal' },
      { kind: 'text', text: ' and ' },
      { kind: 'department', text: '#customer success', id: 'cs' },
      { kind: 'text', text: ', please' },
    ]);
  });

  it('keeps the parts’ text exactly the note’s text', () => {
    const text = 'Hi @Ana, #Legal? #Customer  Success… @nobody';
    expect(
      parse(text)
        .parts.map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('falls back to a shorter name when the longer one does not end at a word boundary', () => {
    expect(parse('@Ana Limas').memberIds).toEqual(['an']);
    expect(parse('#Customers').departmentIds).toEqual([]);
    expect(parse('#Customer, hi').departmentIds).toEqual(['c']);
  });

  it('leaves signs inside words, unknown names and bare signs as text', () => {
    const p = parse('mail ana@example.com about C# or #Marketing, @ and # alone, @@Ana Lima');
    expect(p.memberIds).toEqual(['ana']);
    expect(p.departmentIds).toEqual([]);
    expect(parse('no mentions here').parts).toEqual([{ kind: 'text', text: 'no mentions here' }]);
    expect(parse('').parts).toEqual([]);
  });

  it('names each member and department once, in order of first mention', () => {
    const p = parse('#Legal @Ben Weiss #legal @ana #LEGAL @alima');
    expect(p.departmentIds).toEqual(['legal']);
    expect(p.memberIds).toEqual(['ben', 'an', 'ana']);
  });

  it('tells the panel which mention the caret is in', () => {
    expect(mentionAtCaret('ask #Le', 7)).toEqual({ sign: '#', query: 'le', start: 4 });
    expect(mentionAtCaret('hi @Ana Li', 10)).toEqual({ sign: '@', query: 'ana li', start: 3 });
    expect(mentionAtCaret('mail ana@ex', 11)).toBeNull();
    expect(mentionAtCaret('#Legal\nnext', 11)).toBeNull();
    expect(mentionAtCaret('plain', 5)).toBeNull();
  });
});
