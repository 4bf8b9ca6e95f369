import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { post, world } from './world.ts';
import type { Person, World } from './world.ts';

describe.skipIf(!!skipReason)('posts router (createCaller)', () => {
  let w: World;
  let ana: Person;

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    await w.admin.call.rules.create({
      name: 'Refunds',
      keywords: ['refund'],
      departmentId: w.departments.Support!.id,
      mode: 'auto',
    });
  });
  afterAll(() => w.close());

  it('registers unknown posts once, routed by the rules, and answers known ones from the store', async () => {
    const refund = post('I want a refund now');
    const other = post('Nice product');
    const views = await ana.call.posts.observe({ posts: [refund, other, refund] });
    expect(views.map((v) => v.thread.postKey)).toEqual([refund.key, other.key]);
    expect(views[0]!.thread).toMatchObject({
      departmentId: w.departments.Support!.id,
      status: 'open',
      firstSeenBy: ana.id,
    });
    expect(views[0]!.thread.dueAt).toBe(views[0]!.thread.firstSeenAt + 60 * 60_000);
    expect(views[1]!.thread.departmentId).toBeNull();
    const again = await ana.call.posts.observe({ posts: [refund] });
    expect(again).toEqual([views[0]]);
    const events = await ana.call.events.list({ afterId: 0, limit: 100 });
    expect(events.filter((e) => e.postKey === refund.key).map((e) => e.type)).toEqual([
      'post.seen',
      'thread.routed',
    ]);
  });

  it("logs a new post's thread once: on its routed event when routed, else on post.seen", async () => {
    const after = (await ana.call.events.list({ afterId: 0, limit: 500 })).at(-1)?.id ?? 0;
    const refund = post('Still waiting for my refund');
    const other = post('Lovely weather');
    const views = await ana.call.posts.observe({ posts: [refund, other] });
    const events = await ana.call.events.list({ afterId: after, limit: 100 });
    const of = (key: string) =>
      events.filter((e) => e.postKey === key).map((e) => [e.type, e.thread, e.claim, e.data]);
    expect(of(refund.key)).toEqual([
      ['post.seen', null, null, { ruleId: expect.any(String) }],
      ['thread.routed', views[0]!.thread, null, expect.objectContaining({ automatic: true })],
    ]);
    expect(of(other.key)).toEqual([['post.seen', views[1]!.thread, null, { ruleId: null }]]);
  });

  it('answers new and known posts in the order asked, each as the store holds it', async () => {
    const known = post('Known already');
    await ana.call.posts.observe({ posts: [known] });
    const odd = {
      ...post('Ünïcode "quotes", a back\\slash,\na new line and a refund 🙂'),
      postedAt: '2026-01-02T03:04:05.000Z',
    };
    const plain = post('Nothing to route');
    const views = await ana.call.posts.observe({ posts: [odd, known, plain] });
    expect(views.map((v) => v.thread.postKey)).toEqual([odd.key, known.key, plain.key]);
    expect(views[0]!.thread).toMatchObject({ text: odd.text, postedAt: Date.parse(odd.postedAt) });
    const stored = await ana.call.posts.get({ postKeys: [odd.key, known.key, plain.key] });
    expect(views).toEqual(stored);
  });

  it('gets known posts and leaves unknown keys out', async () => {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    const got = await ana.call.posts.get({ postKeys: ['x:1', p.key] });
    expect(got.map((v) => v.thread.postKey)).toEqual([p.key]);
    expect(got[0]!.claim).toBeNull();
  });
});
