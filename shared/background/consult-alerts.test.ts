import { describe, expect, it } from 'vitest';
import { alertForNoteEvent } from './consult-alerts.ts';
import type { Member, SyncEvent, Thread } from '../domain/schemas/index.ts';

const member = (id: string, departmentIds: string[]): Member => ({
  id,
  name: id,
  handle: id,
  role: 'member',
  departmentIds,
});
const gil = member('gil', ['legal']);
const ana = member('ana', ['support']);
const thread: Thread = {
  postKey: 'x:1',
  platform: 'x',
  url: 'https://x.com/a/status/1',
  authorHandle: 'a',
  authorName: 'Alex',
  text: 'refund?',
  postedAt: null,
  departmentId: 'support',
  suggestedDepartmentId: null,
  assigneeId: null,
  status: 'open',
  version: 3,
  firstSeenAt: 0,
  firstSeenBy: null,
  answeredAt: null,
  answeredBy: null,
  dueAt: null,
  noteCount: 1,
  waitingOn: [],
};
const event = (over: Partial<SyncEvent>): SyncEvent => ({
  id: 9,
  type: 'consult.opened',
  postKey: 'x:1',
  actorId: 'ana',
  at: 0,
  thread,
  claim: null,
  data: {},
  ...over,
});
const names = {
  department: (id: string) => ({ legal: 'Legal', support: 'Support' })[id] ?? id,
  member: (id: string | null) => ({ ana: 'Ana Lima', gil: 'Gil Moreau' })[id ?? ''] ?? 'Someone',
  noteText: (id: number) => (id === 8 ? 'may we refund?' : undefined),
};

describe('alerts of notes and consults', () => {
  it('tells the department asked, with the question, and nobody else', () => {
    const opened = event({ data: { consultId: 'c', departmentId: 'legal', noteId: 8 } });
    expect(alertForNoteEvent(opened, gil, names)).toEqual({
      id: 'event:9',
      kind: 'consulted',
      postKey: 'x:1',
      url: thread.url,
      title: 'Ana Lima asks Legal',
      body: '“may we refund?”',
      departmentId: 'legal',
      action: 'notes',
    });
    expect(alertForNoteEvent(opened, ana, names)).toBeNull();
    expect(alertForNoteEvent(opened, member('sal', ['sales']), names)).toBeNull();
  });

  it('tells the owner of the answer: whoever asked, the assignee or the holder', () => {
    const answered = event({
      type: 'consult.answered',
      actorId: 'gil',
      data: { consultId: 'c', departmentId: 'legal', askedBy: 'ana', noteId: 7 },
    });
    expect(alertForNoteEvent(answered, ana, names)).toMatchObject({
      kind: 'consultAnswered',
      title: 'Legal answered (Gil Moreau)',
      body: 'Alex: refund?',
    });
    const ben = member('ben', ['support']);
    expect(alertForNoteEvent(answered, ben, names)).toBeNull();
    expect(
      alertForNoteEvent({ ...answered, thread: { ...thread, assigneeId: 'ben' } }, ben, names),
    ).toMatchObject({ kind: 'consultAnswered' });
    const held = { postKey: 'x:1', holderId: 'ben', holderName: 'ben', token: 1, expiresAt: 1 };
    expect(alertForNoteEvent({ ...answered, claim: held }, ben, names)?.kind).toBe(
      'consultAnswered',
    );
    expect(alertForNoteEvent(answered, gil, names)).toBeNull(); // their own answer
  });

  it('tells a member named with @, once: not again when the same note asks their department', () => {
    const mention = (kind: string, departmentIds: string[]) =>
      event({
        type: 'note.added',
        data: { text: 'ask @Gil', kind, mentions: { memberIds: ['gil'], departmentIds } },
      });
    expect(alertForNoteEvent(mention('note', []), gil, names)).toMatchObject({
      kind: 'mentioned',
      title: 'Ana Lima mentioned you',
      body: '“ask @Gil”',
    });
    expect(alertForNoteEvent(mention('question', ['legal']), gil, names)).toBeNull();
    // An answer naming the one who asked tells them once, as the answer.
    const answer = event({
      type: 'note.added',
      actorId: 'gil',
      data: { text: 'ok @Ana', kind: 'answer', askedBy: 'ana', mentions: { memberIds: ['ana'] } },
    });
    expect(alertForNoteEvent(answer, ana, names)).toBeNull();
    expect(
      alertForNoteEvent({ ...answer, data: { ...answer.data, askedBy: 'ben' } }, ana, names),
    ).toMatchObject({ kind: 'mentioned' });
    expect(alertForNoteEvent(mention('note', []), ana, names)).toBeNull();
    // A note whose text was kept from this member still names them; the post stands in for it.
    const redacted = event({
      type: 'note.added',
      data: {
        kind: 'note',
        mentions: { memberIds: ['gil'], departmentIds: [] },
        redacted: ['text'],
      },
    });
    expect(alertForNoteEvent(redacted, gil, names)?.body).toBe('Alex: refund?');
  });
});
