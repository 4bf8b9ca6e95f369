/**
 * `@Name` mentions a member and `#Department` asks a department (DESIGN.md, Domain: Note). Names
 * hold spaces ("Ana Lima", "Customer Success"), so a mention is the longest known name (or member
 * handle) that follows the sign, case-insensitively, ending where a word ends. A sign inside a
 * word ("ana@example.com", "C#") is text. The server parses what it stores; the panel parses the
 * draft the same way to show who will be asked.
 */

export interface Nameable {
  id: string;
  name: string;
  handle?: string;
}

export type MentionPart =
  { kind: 'text'; text: string } | { kind: 'member' | 'department'; text: string; id: string };

export interface ParsedNote {
  parts: MentionPart[];
  /** Each mentioned member once, in order of first mention. */
  memberIds: string[];
  departmentIds: string[];
}

const wordChar = /[\p{L}\p{N}_]/u;

interface Candidate {
  id: string;
  key: string;
}

function candidates(list: readonly Nameable[], withHandles: boolean): Candidate[] {
  const all = list.flatMap((n) => [
    { id: n.id, key: n.name.toLocaleLowerCase() },
    ...(withHandles && n.handle ? [{ id: n.id, key: n.handle.toLocaleLowerCase() }] : []),
  ]);
  // Longest first: "@Ana Lima" is Ana Lima, not a member called Ana followed by " Lima".
  return all.filter((c) => c.key.length > 0).sort((a, b) => b.key.length - a.key.length);
}

function matchAt(text: string, lower: string, start: number, list: Candidate[]) {
  for (const c of list) {
    if (!lower.startsWith(c.key, start)) continue;
    const end = start + c.key.length;
    if (end < text.length && wordChar.test(text[end]!)) continue;
    return { id: c.id, end };
  }
  return null;
}

export function parseMentions(
  text: string,
  members: readonly Nameable[],
  departments: readonly Nameable[],
): ParsedNote {
  const lists = { '@': candidates(members, true), '#': candidates(departments, false) };
  const lower = text.toLocaleLowerCase();
  const parts: MentionPart[] = [];
  const memberIds = new Set<string>();
  const departmentIds = new Set<string>();
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const sign = text[i];
    if (sign !== '@' && sign !== '#') continue;
    if (i > 0 && wordChar.test(text[i - 1]!)) continue;
    // A name changes length under toLocaleLowerCase only in rare scripts; then it stays text.
    const found = lower.length === text.length ? matchAt(text, lower, i + 1, lists[sign]) : null;
    if (!found) continue;
    if (i > plainFrom) parts.push({ kind: 'text', text: text.slice(plainFrom, i) });
    const kind = sign === '@' ? 'member' : 'department';
    parts.push({ kind, text: text.slice(i, found.end), id: found.id });
    (sign === '@' ? memberIds : departmentIds).add(found.id);
    plainFrom = found.end;
    i = found.end - 1;
  }
  if (plainFrom < text.length) parts.push({ kind: 'text', text: text.slice(plainFrom) });
  return { parts, memberIds: [...memberIds], departmentIds: [...departmentIds] };
}

/**
 * The mention being typed at `caret` ("#Le" -> { sign: '#', query: 'le', start }), for the
 * panel's suggestions; null when the caret is not in one.
 */
export function mentionAtCaret(
  text: string,
  caret: number,
): { sign: '@' | '#'; query: string; start: number } | null {
  for (let i = caret - 1; i >= 0 && caret - i <= 40; i--) {
    const c = text[i]!;
    if (c === '\n') return null;
    if (c !== '@' && c !== '#') continue;
    if (i > 0 && wordChar.test(text[i - 1]!)) return null;
    return { sign: c, query: text.slice(i + 1, caret).toLocaleLowerCase(), start: i };
  }
  return null;
}
