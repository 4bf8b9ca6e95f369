import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { post, refusal, refusalMessage, world } from './world.ts';
import type { Person, World } from './world.ts';

const MIN = 60_000;

describe.skipIf(!!skipReason)('replies recorded from the site’s reply box (createCaller)', () => {
  let w: World;
  let ana: Person; // member, Support
  let ben: Person; // member, Support
  let sal: Person; // member, Sales
  let sam: Person; // lead, Support

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    ben = await w.member('Ben', 'member', ['Support']);
    sal = await w.member('Sal', 'member', ['Sales']);
    sam = await w.member('Sam', 'lead', ['Support']);
  });
  afterAll(() => w.close());

  async function supportPost() {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    await sam.call.threads.assign({ postKey: p.key, departmentId: w.departments.Support!.id });
    return p;
  }
  const repliesOf = async (postKey: string) =>
    (await w.admin.call.events.list({ afterId: 0, limit: 1000 })).filter(
      (e) => e.postKey === postKey && e.type === 'thread.replied',
    );
  /** Moves the thread's first sighting back, as if the post had waited that long. */
  const seenAgo = (postKey: string, ms: number) =>
    w.deps.store.db
      .updateTable('threads')
      .set((eb) => ({ first_seen_at: eb('first_seen_at', '-', ms) }))
      .where('org_id', '=', w.orgId)
      .where('post_key', '=', postKey)
      .execute();

  it('answers the thread as the claim holder, with the reply’s text in the log and the story', async () => {
    const p = await supportPost();
    await ana.call.claims.acquire({ postKey: p.key });
    const view = await ana.call.threads.recordReply({
      postKey: p.key,
      text: '  Sorry! A new one ships today.  ',
    });
    expect(view.thread).toMatchObject({
      status: 'answered',
      answeredBy: ana.id,
      answeredWithoutClaim: false,
    });
    expect(view.claim).toBeNull();
    const [event] = await repliesOf(p.key);
    expect(event).toMatchObject({
      actorId: ana.id,
      data: { text: 'Sorry! A new one ships today.', withoutClaim: false, claimHolderId: null },
    });
    expect(event!.data.sentAt).toBe(view.thread.answeredAt);
    const story = await ben.call.threads.story({ postKey: p.key });
    expect(story.timeline.at(-1)).toMatchObject({
      type: 'thread.replied',
      actorId: ana.id,
      reply: { text: 'Sorry! A new one ships today.', withoutClaim: false },
    });
  });

  it('records a reply sent past someone else’s claim, flags it, and ends that claim', async () => {
    const p = await supportPost();
    await ana.call.claims.acquire({ postKey: p.key });
    const view = await ben.call.threads.recordReply({ postKey: p.key, text: 'On it!' });
    expect(view.thread).toMatchObject({ answeredBy: ben.id, answeredWithoutClaim: true });
    expect(view.claim).toBeNull();
    expect((await repliesOf(p.key))[0]!.data).toMatchObject({
      withoutClaim: true,
      claimHolderId: ana.id,
    });
    const story = await sam.call.threads.story({ postKey: p.key });
    expect(story.timeline.at(-1)).toMatchObject({
      memberId: ana.id,
      reply: { withoutClaim: true },
    });
    // The queue shows the flag to leads.
    const queue = await sam.call.queue.list({ status: ['answered'] });
    expect(queue.items.find((v) => v.thread.postKey === p.key)?.thread.answeredWithoutClaim).toBe(
      true,
    );
  });

  it('records a reply nobody claimed, and one from another department, both flagged', async () => {
    const p = await supportPost();
    const unclaimed = await ana.call.threads.recordReply({ postKey: p.key, text: 'Hello' });
    expect(unclaimed.thread.answeredWithoutClaim).toBe(true);
    const q = await supportPost();
    const outsider = await sal.call.threads.recordReply({ postKey: q.key, text: 'Hi there' });
    expect(outsider.thread).toMatchObject({ answeredBy: sal.id, answeredWithoutClaim: true });
  });

  it('dates the reply when it was sent, never before the post was seen; first response uses it', async () => {
    const billing = await w.admin.call.departments.create({ name: 'Billing' });
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    await w.admin.call.threads.assign({ postKey: p.key, departmentId: billing.id });
    await seenAgo(p.key, 30 * MIN);
    const view = await w.admin.call.threads.recordReply({
      postKey: p.key,
      text: 'Sent while offline',
      sentMsAgo: 10 * MIN,
    });
    const [event] = await repliesOf(p.key);
    expect(event!.at - view.thread.answeredAt!).toBe(10 * MIN);
    expect(view.thread.answeredAt).toBeGreaterThan(view.thread.firstSeenAt);
    const story = await ana.call.threads.story({ postKey: p.key });
    expect(story.timeline.at(-1)!.at).toBe(view.thread.answeredAt);
    // The metrics' first response is the send, not the moment the server heard of it.
    const summary = await w.admin.call.metrics.summary({ departmentId: billing.id });
    expect(summary.departments[0]!.firstResponseMedianMs).toBe(
      view.thread.answeredAt! - view.thread.firstSeenAt,
    );

    const q = await supportPost();
    await seenAgo(q.key, MIN);
    const early = await ana.call.threads.recordReply({
      postKey: q.key,
      text: 'Too early?',
      sentMsAgo: 60 * MIN,
    });
    expect(early.thread.answeredAt).toBe(early.thread.firstSeenAt);
  });

  it('keeps the first response when a second reply follows, and a resolved thread resolved', async () => {
    const p = await supportPost();
    const first = await ana.call.threads.recordReply({ postKey: p.key, text: 'First' });
    const second = await ben.call.threads.recordReply({ postKey: p.key, text: 'Follow-up' });
    expect(second.thread).toMatchObject({
      status: 'answered',
      answeredAt: first.thread.answeredAt,
      answeredBy: ana.id,
    });
    await sam.call.threads.resolve({ postKey: p.key });
    const third = await ana.call.threads.recordReply({ postKey: p.key, text: 'Anything else?' });
    expect(third.thread.status).toBe('resolved');
    expect((await repliesOf(p.key)).map((e) => e.data.text)).toEqual([
      'First',
      'Follow-up',
      'Anything else?',
    ]);
  });

  it('applies a replayed reply once and answers the replay with the first result', async () => {
    const p = await supportPost();
    const input = { postKey: p.key, text: 'Once', clientMutationId: 'reply-once-0001' };
    const first = await ana.call.threads.recordReply(input);
    const again = await ana.call.threads.recordReply({ ...input, sentMsAgo: 5_000 });
    expect(again).toEqual(first);
    expect(await repliesOf(p.key)).toHaveLength(1);
  });

  it('refuses bad input with a clear error and records nothing', async () => {
    const p = await supportPost();
    const bad = [
      { postKey: p.key, text: 'x'.repeat(2001) },
      { postKey: p.key, text: '   ' },
      { postKey: p.key, text: 'ok', sentMsAgo: -1 },
      { postKey: p.key, text: 'ok', sentMsAgo: 25 * 60 * MIN },
      { postKey: 'not a key', text: 'ok' },
    ];
    for (const input of bad)
      expect(await refusal(ana.call.threads.recordReply(input))).toBe('BAD_REQUEST');
    expect(
      await refusalMessage(ana.call.threads.recordReply({ postKey: 'x:404', text: 'ok' })),
    ).toMatch(/unknown post x:404/);
    expect(await refusal(w.anonymous.threads.recordReply({ postKey: p.key, text: 'ok' }))).toBe(
      'UNAUTHORIZED',
    );
    expect(await repliesOf(p.key)).toHaveLength(0);
  });
});

describe.skipIf(!!skipReason)('watch phrases on departments (createCaller)', () => {
  let w: World;
  let ana: Person;
  let sam: Person;

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    sam = await w.member('Sam', 'lead', ['Support']);
  });
  afterAll(() => w.close());

  it('lets a department’s lead set them, every member read them, and refuses patterns RE2 cannot run', async () => {
    const id = w.departments.Support!.id;
    const watchPhrases = [
      { kind: 'word' as const, pattern: 'guarantee', reason: 'Legal: never guarantee outcomes' },
      { kind: 'regex' as const, pattern: 'refund(s|ed)?', reason: 'Billing decides refunds' },
    ];
    const saved = await sam.call.departments.update({ id, watchPhrases });
    expect(saved.watchPhrases).toEqual(watchPhrases);
    const listed = await ana.call.departments.list();
    expect(listed.find((d) => d.id === id)?.watchPhrases).toEqual(watchPhrases);
    expect(await refusal(ana.call.departments.update({ id, watchPhrases: [] }))).toBe('FORBIDDEN');
    expect(
      await refusalMessage(
        sam.call.departments.update({
          id,
          watchPhrases: [{ kind: 'regex', pattern: '(a)\\1', reason: 'backreference' }],
        }),
      ),
    ).toMatch(/watch phrase "\(a\)\\1" is not a usable pattern: backreferences/);
    const tooMany = Array.from({ length: 51 }, (_, i) => ({
      kind: 'word' as const,
      pattern: `w${i}`,
      reason: 'r',
    }));
    expect(await refusal(sam.call.departments.update({ id, watchPhrases: tooMany }))).toBe(
      'BAD_REQUEST',
    );
    expect((await ana.call.departments.list()).find((d) => d.id === id)?.watchPhrases).toEqual(
      watchPhrases,
    );
  });
});
