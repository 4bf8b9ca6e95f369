import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Department, Member, ThreadStory } from '../../shared/domain/schemas/index.ts';
import type { SessionInfo } from '../../shared/messaging/protocol.ts';
import { threadView } from '../../tests/fixtures/thread-view.ts';
import { OwnershipBadge } from './OwnershipBadge.tsx';
import { AssignChoices } from './AssignChoices.tsx';
import { NoteList } from '../thread-panel/NoteList.tsx';
import { StoryTimeline } from '../thread-panel/StoryTimeline.tsx';
import { ThreadRow } from '../popup/ThreadRow.tsx';

/**
 * Post text and author names come from the sites, member, department and note text from the
 * server; any of them may carry markup. Every surface must draw them as the characters they are:
 * rendered, the markup is text, and no element of it exists. (The end-to-end test
 * hostile-markup.test.ts does the same in the browser, toasts and dashboard included.)
 */
const markup = (tag: string) =>
  `<${tag}>x</${tag}><img src=x onerror="alert('${tag}')"><script>1</script>`;
const DEPARTMENT = `Legal ${markup('i')}`.slice(0, 80);
const MEMBER = `Eve ${markup('u')}`;
const AUTHOR = `Mallory ${markup('b')}`;
const TEXT = `refund? ${markup('em')}`;
const NOTE = `look ${markup('s')} @Ana`;

const department: Department = {
  id: 'd1',
  name: DEPARTMENT,
  color: '#123456',
  slaMinutes: 60,
  guidelines: { dos: [], donts: [], tone: '' },
};
const ana: Member = { id: 'm1', name: 'Ana', handle: 'ana', role: 'lead', departmentIds: ['d1'] };
const eve: Member = {
  id: 'm2',
  name: MEMBER,
  handle: 'eve',
  role: 'member',
  departmentIds: ['d1'],
};
const session: SessionInfo = {
  connection: 'online',
  me: ana,
  departments: [department],
  members: [ana, eve],
};
const view = {
  ...threadView('x:1', {
    departmentId: 'd1',
    assigneeId: eve.id,
    authorName: AUTHOR,
    text: TEXT,
    dueAt: Date.now() + 60_000,
  }),
  claim: { postKey: 'x:1', holderId: eve.id, holderName: MEMBER, token: 1, expiresAt: 2 },
};

/** The rendered surface's text, and every element its strings could have made. */
function render(element: ReactElement) {
  const { document } = parseHTML(
    `<html><body><div id="surface">${renderToStaticMarkup(element)}</div></body></html>`,
  );
  const surface = document.getElementById('surface')!;
  const made = [...surface.querySelectorAll('img, script, b, i, u, em, s')].map((e) => e.tagName);
  return { text: surface.textContent ?? '', made };
}

const noop = () => undefined;

describe('markup from sites and the server is drawn as text', () => {
  it('badge: department, assignee and claim holder', () => {
    // No due time: the SLA countdown ticks with the clock, which a static render has not got.
    const { text, made } = render(
      <OwnershipBadge
        view={{ ...view, thread: { ...view.thread, dueAt: null } }}
        session={session}
        busy={false}
        offerSuggestion={false}
        onAcceptSuggestion={noop}
      />,
    );
    expect(made).toEqual([]);
    expect(text).toContain(DEPARTMENT);
    expect(text).toContain(`${MEMBER} is answering`);
  });

  it('Assign menu: departments, then people', () => {
    const props = {
      view,
      session,
      me: ana,
      onBack: noop,
      onDepartment: noop,
      onAssignee: noop,
      onDone: noop,
    };
    const departments = render(<AssignChoices {...props} departmentId={null} />);
    expect(departments.made).toEqual([]);
    expect(departments.text).toContain(DEPARTMENT);
    const people = render(<AssignChoices {...props} departmentId="d1" />);
    expect(people.made).toEqual([]);
    expect(people.text).toContain(MEMBER);
  });

  it('thread panel: notes with mentions, and the timeline', () => {
    const story: ThreadStory = {
      view,
      now: 10,
      canReadNotes: true,
      notes: [
        {
          id: 1,
          authorId: eve.id,
          at: 5,
          text: NOTE,
          mentions: { memberIds: [ana.id], departmentIds: [] },
          kind: 'note',
          consultIds: [],
        },
      ],
      consults: [],
      timeline: [
        {
          eventId: 1,
          type: 'thread.routed',
          at: 3,
          actorId: eve.id,
          departmentId: 'd1',
          memberId: null,
          previousMemberId: null,
          automatic: false,
        },
      ],
      memberNames: { [eve.id]: MEMBER },
    };
    const names = {
      member: (id: string | null) => (id === eve.id ? MEMBER : 'Ana'),
      department: () => DEPARTMENT,
    };
    const notes = render(
      <NoteList
        story={story}
        members={[ana, eve]}
        departments={[department]}
        name={names.member}
        departmentName={names.department}
      />,
    );
    expect(notes.made).toEqual([]);
    expect(notes.text).toContain(MEMBER);
    expect(notes.text).toContain(NOTE);
    const timeline = render(<StoryTimeline story={story} names={names} />);
    expect(timeline.made).toEqual([]);
    expect(timeline.text).toContain(`Routed to ${DEPARTMENT} by ${MEMBER}`);
  });

  it('popup: author, post text, department and holder', () => {
    const { text, made } = render(
      <ul>
        <ThreadRow
          view={view}
          department={department}
          departmentName={() => DEPARTMENT}
          now={10}
          meId={ana.id}
          onOpen={noop}
        />
      </ul>,
    );
    expect(made).toEqual([]);
    for (const s of [AUTHOR, TEXT, DEPARTMENT, `${MEMBER} is answering`]) expect(text).toContain(s);
  });
});
