import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, initOrg } from '../../../server/cli-admin.ts';
import { appRouter } from '../../../server/trpc/app-router.ts';
import { createContext } from '../../../server/trpc/context.ts';
import { createCallerFactory } from '../../../server/trpc/init.ts';
import { skipReason } from '../harness.ts';
import { post, refusal, refusalMessage, world } from './world.ts';
import type { Caller, Person, World } from './world.ts';

describe.skipIf(!!skipReason)('notes and consults (createCaller)', () => {
  let w: World;
  let ana: Person; // member, Support: owns the posts
  let ben: Person; // member, Support
  let gil: Person; // member, Legal: asked
  let lou: Person; // lead, Legal
  let sal: Person; // member, Sales: neither
  let sue: Person; // lead, Sales
  let outsider: Caller; // a member of another organisation
  const dept = (name: string) => w.departments[name]!.id;

  beforeAll(async () => {
    w = await world(['Support', 'Legal', 'Sales']);
    ana = await w.member('Ana Lima', 'member', ['Support']);
    ben = await w.member('Ben Weiss', 'member', ['Support']);
    gil = await w.member('Gil Legal', 'member', ['Legal']);
    lou = await w.member('Lou Lead', 'lead', ['Legal']);
    sal = await w.member('Sal Sales', 'member', ['Sales']);
    sue = await w.member('Sue Lead', 'lead', ['Sales']);
    const other = await initOrg(w.deps, 'Other Co', 'Olga Other');
    const { token } = await addMember(w.deps, {
      org: other.org.id,
      name: 'Oz',
      role: 'member',
      departments: [],
    });
    outsider = createCallerFactory(appRouter)(createContext(w.deps, token));
  });
  afterAll(() => w.close());

  async function supportPost() {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    await ana.call.threads.assign({ postKey: p.key, departmentId: dept('Support') });
    return p.key;
  }
  const events = async (postKey: string) =>
    (await w.admin.call.events.list({ afterId: 0, limit: 1000 })).filter(
      (e) => e.postKey === postKey,
    );

  it('asks a department with #Department: the owner keeps the thread, the badge waits on it', async () => {
    const postKey = await supportPost();
    const { token } = await ana.call.claims.acquire({ postKey });
    const asked = await ana.call.notes.add({
      postKey,
      text: '#Legal may we refund this? cc @Ben Weiss',
    });
    expect(asked.thread).toMatchObject({ departmentId: dept('Support'), noteCount: 1 });
    expect(asked.claim).toMatchObject({ holderId: ana.id, token });
    expect(asked.thread.waitingOn).toEqual([
      expect.objectContaining({ departmentId: dept('Legal'), askedBy: ana.id }),
    ]);
    const [note, opened] = (await events(postKey)).filter((e) =>
      ['note.added', 'consult.opened'].includes(e.type),
    );
    expect(note!.data).toMatchObject({
      text: '#Legal may we refund this? cc @Ben Weiss',
      kind: 'question',
      mentions: { memberIds: [ben.id], departmentIds: [dept('Legal')] },
    });
    expect(opened!.data).toMatchObject({ departmentId: dept('Legal'), noteId: note!.id });
    // Every event carries the thread after the change, so badges update live.
    expect(opened!.thread?.waitingOn).toHaveLength(1);

    const consultId = asked.thread.waitingOn[0]!.consultId;
    expect(
      await refusalMessage(ben.call.consults.answer({ postKey, consultId, text: 'yes' })),
    ).toBe('only members of the department asked can answer this consult');
    const answered = await gil.call.consults.answer({ postKey, consultId, text: 'Yes, up to $50' });
    expect(answered.thread).toMatchObject({ waitingOn: [], noteCount: 2 });
    expect(answered.claim?.holderId).toBe(ana.id);
    expect(await refusal(lou.call.consults.answer({ postKey, consultId, text: 'no' }))).toBe(
      'CONFLICT',
    );
    // Ana can still answer the post itself with her claim.
    const done = await ana.call.threads.markAnswered({ postKey, token });
    expect(done.thread.status).toBe('answered');
  });

  it('opens a consult by action, refuses the own department and asking twice', async () => {
    const postKey = await supportPost();
    expect(
      await refusal(
        ana.call.consults.open({ postKey, departmentId: dept('Support'), text: 'hmm' }),
      ),
    ).toBe('BAD_REQUEST');
    const v = await ana.call.consults.open({ postKey, departmentId: dept('Legal'), text: 'Ok?' });
    expect(v.thread.waitingOn.map((x) => x.departmentId)).toEqual([dept('Legal')]);
    expect(
      await refusalMessage(
        ben.call.consults.open({ postKey, departmentId: dept('Legal'), text: 'again' }),
      ),
    ).toBe('Legal has already been asked and has not answered yet');
    // A note naming Legal again only mentions it.
    const again = await ben.call.notes.add({ postKey, text: 'still waiting on #Legal' });
    expect(again.thread.waitingOn).toHaveLength(1);
    expect(
      await refusal(sal.call.consults.open({ postKey, departmentId: dept('Legal'), text: 'x' })),
    ).toBe('FORBIDDEN');
    expect(
      await refusal(ana.call.consults.open({ postKey, departmentId: 'no-such', text: 'x' })),
    ).toBe('NOT_FOUND');
  });

  it('lets the owner withdraw, not the department asked; a withdrawn consult takes no answer', async () => {
    const postKey = await supportPost();
    const v = await ana.call.consults.open({ postKey, departmentId: dept('Legal'), text: 'Q' });
    const consultId = v.thread.waitingOn[0]!.consultId;
    expect(await refusal(gil.call.consults.withdraw({ postKey, consultId }))).toBe('FORBIDDEN');
    expect(await refusal(sal.call.consults.withdraw({ postKey, consultId }))).toBe('FORBIDDEN');
    const back = await ben.call.consults.withdraw({ postKey, consultId });
    expect(back.thread).toMatchObject({ waitingOn: [], noteCount: 1 });
    expect(
      await refusalMessage(gil.call.consults.answer({ postKey, consultId, text: 'late' })),
    ).toBe('this consult was withdrawn');
    expect(await refusal(ana.call.consults.withdraw({ postKey, consultId }))).toBe('CONFLICT');
    expect(
      await refusal(ana.call.consults.withdraw({ postKey: await supportPost(), consultId })),
    ).toBe('NOT_FOUND');
  });

  it('shows notes to the department, the departments asked and their leads, and no one else', async () => {
    const postKey = await supportPost();
    await ana.call.notes.add({ postKey, text: 'internal: angry customer' });
    expect(await refusal(sal.call.notes.add({ postKey, text: 'me too' }))).toBe('FORBIDDEN');
    expect(await refusal(gil.call.notes.add({ postKey, text: 'me too' }))).toBe('FORBIDDEN');
    const hidden = await sal.call.threads.story({ postKey });
    expect(hidden).toMatchObject({ canReadNotes: false, notes: [] });
    expect(hidden.timeline.length).toBeGreaterThan(0);
    expect((await lou.call.threads.story({ postKey })).canReadNotes).toBe(false);

    await ana.call.notes.add({ postKey, text: '#Legal is this defamation?' });
    for (const reader of [ana, ben, gil, lou, w.admin]) {
      const story = await reader.call.threads.story({ postKey });
      expect(story.canReadNotes).toBe(true);
      expect(story.notes.map((n) => n.text)).toEqual([
        'internal: angry customer',
        '#Legal is this defamation?',
      ]);
    }
    for (const stranger of [sal, sue])
      expect((await stranger.call.threads.story({ postKey })).notes).toEqual([]);
    // Gil, asked, adds to the thread; his "#Sales" names Sales but does not ask it.
    const gilNote = await gil.call.notes.add({ postKey, text: 'checking with #Sales' });
    expect(gilNote.thread.waitingOn.map((x) => x.departmentId)).toEqual([dept('Legal')]);
  });

  it('tells the story: every step with who did it, notes newest last', async () => {
    const postKey = await supportPost();
    const { token } = await ana.call.claims.acquire({ postKey });
    await ana.call.claims.renew({ postKey, token });
    const v = await ana.call.notes.add({ postKey, text: '#Legal ok to refund?' });
    await gil.call.consults.answer({
      postKey,
      consultId: v.thread.waitingOn[0]!.consultId,
      text: 'yes',
    });
    await ana.call.claims.release({ postKey, token });
    await lou.call.threads.story({ postKey }); // a reader of another department
    const story = await ana.call.threads.story({ postKey });
    expect(story.timeline.map((s) => s.type)).toEqual([
      'post.seen',
      'thread.routed',
      'claim.acquired',
      'consult.opened',
      'consult.answered',
      'claim.released',
    ]);
    expect(story.timeline[1]).toMatchObject({ departmentId: dept('Support'), actorId: ana.id });
    expect(story.timeline[3]).toMatchObject({ departmentId: dept('Legal'), actorId: ana.id });
    expect(story.timeline[4]).toMatchObject({ departmentId: dept('Legal'), actorId: gil.id });
    expect(story.notes.map((n) => [n.kind, n.text, story.memberNames[n.authorId!]])).toEqual([
      ['question', '#Legal ok to refund?', 'Ana Lima'],
      ['answer', 'yes', 'Gil Legal'],
    ]);
    expect(story.consults).toEqual([
      expect.objectContaining({
        departmentId: dept('Legal'),
        status: 'answered',
        openedBy: ana.id,
        closedBy: gil.id,
        questionNoteId: story.notes[0]!.id,
        answerNoteId: story.notes[1]!.id,
      }),
    ]);
  });

  it('applies a replayed client mutation id once and answers it with the first result', async () => {
    const postKey = await supportPost();
    const clientMutationId = 'replay-note-0001';
    const first = await ana.call.notes.add({ postKey, text: '#Legal?', clientMutationId });
    const again = await ana.call.notes.add({ postKey, text: '#Legal?', clientMutationId });
    expect(again).toEqual(first);
    const consultId = first.thread.waitingOn[0]!.consultId;
    const answerId = 'replay-answer-0001';
    const answered = await gil.call.consults.answer({
      postKey,
      consultId,
      text: 'fine',
      clientMutationId: answerId,
    });
    expect(
      await gil.call.consults.answer({
        postKey,
        consultId,
        text: 'fine',
        clientMutationId: answerId,
      }),
    ).toEqual(answered);
    expect(
      await refusal(ana.call.consults.withdraw({ postKey, consultId, clientMutationId })),
    ).toBe('CONFLICT'); // the id named another procedure
    const log = await events(postKey);
    expect(log.filter((e) => e.type === 'note.added')).toHaveLength(2);
    expect(log.filter((e) => e.type === 'consult.opened')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'consult.answered')).toHaveLength(1);
  });

  it('shows other organisations nothing', async () => {
    const postKey = await supportPost();
    const v = await ana.call.notes.add({ postKey, text: '#Legal secret' });
    const consultId = v.thread.waitingOn[0]!.consultId;
    expect(await refusal(outsider.threads.story({ postKey }))).toBe('NOT_FOUND');
    expect(await refusal(outsider.notes.add({ postKey, text: 'hi' }))).toBe('NOT_FOUND');
    expect(await refusal(outsider.consults.answer({ postKey, consultId, text: 'x' }))).toBe(
      'NOT_FOUND',
    );
    expect(await refusal(outsider.consults.withdraw({ postKey, consultId }))).toBe('NOT_FOUND');
    const theirs = await outsider.events.list({ afterId: 0, limit: 1000 });
    expect(theirs.some((e) => e.postKey === postKey)).toBe(false);
  });

  it('lists what a department is asked, and measures how long others wait on it', async () => {
    const asked = await supportPost();
    const answered = await supportPost();
    await ana.call.notes.add({ postKey: asked, text: '#Legal one' });
    const v = await ana.call.notes.add({ postKey: answered, text: '#Legal two' });
    await gil.call.consults.answer({
      postKey: answered,
      consultId: v.thread.waitingOn[0]!.consultId,
      text: 'done',
    });
    const { items } = await gil.call.queue.list({ waitingOn: [dept('Legal')], limit: 500 });
    const keys = items.map((i) => i.thread.postKey);
    expect(keys).toContain(asked);
    expect(keys).not.toContain(answered);
    expect(
      items.every((i) => i.thread.waitingOn.some((x) => x.departmentId === dept('Legal'))),
    ).toBe(true);
    const none = await gil.call.queue.list({ waitingOn: [dept('Sales')], limit: 500 });
    expect(none.items).toEqual([]);

    const all = await lou.call.metrics.summary({});
    const legal = all.consults.find((c) => c.departmentId === dept('Legal'))!;
    expect(legal.open).toBeGreaterThanOrEqual(1);
    expect(legal.answered).toBeGreaterThanOrEqual(1);
    expect(legal.waitMedianMs).not.toBeNull();
    expect(legal.waitP90Ms).toBeGreaterThanOrEqual(legal.waitMedianMs!);
    // A lead of Sales, which asked nothing and was asked nothing, sees no waits.
    const sales = await sue.call.metrics.summary({ departmentIds: [dept('Sales')] });
    expect(sales.consults).toEqual([]);
    const future = await lou.call.metrics.summary({ from: Date.now() + 86_400_000 });
    // Open consults still count; those answered in the past do not.
    expect(future.consults.find((c) => c.departmentId === dept('Legal'))?.answered).toBe(0);
  });

  it('bounds note text: 2,000 characters, not empty', async () => {
    const postKey = await supportPost();
    expect(await refusal(ana.call.notes.add({ postKey, text: 'x'.repeat(2001) }))).toBe(
      'BAD_REQUEST',
    );
    expect(await refusal(ana.call.notes.add({ postKey, text: '' }))).toBe('BAD_REQUEST');
    const long = await ana.call.notes.add({ postKey, text: 'y'.repeat(2000) });
    expect(long.thread.noteCount).toBe(1);
  });
});
