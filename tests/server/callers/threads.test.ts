import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { post, refusal, refusalMessage, world } from './world.ts';
import type { Person, World } from './world.ts';

describe.skipIf(!!skipReason)('threads router (createCaller)', () => {
  let w: World;
  let ana: Person; // member, Support
  let sam: Person; // lead, Support
  let lea: Person; // lead, Sales

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    sam = await w.member('Sam', 'lead', ['Support']);
    lea = await w.member('Lea', 'lead', ['Sales']);
  });
  afterAll(() => w.close());

  async function supportPost() {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    await ana.call.threads.assign({ postKey: p.key, departmentId: w.departments.Support!.id });
    return p;
  }

  it('lets a member take a thread and route it on, but not hand it to someone else', async () => {
    const p = await supportPost();
    const taken = await ana.call.threads.assign({ postKey: p.key, assigneeId: ana.id });
    expect(taken.thread).toMatchObject({ assigneeId: ana.id, version: 3 });
    expect(await refusal(ana.call.threads.assign({ postKey: p.key, assigneeId: sam.id }))).toBe(
      'FORBIDDEN',
    );
    const handed = await sam.call.threads.assign({ postKey: p.key, assigneeId: sam.id });
    expect(handed.thread.assigneeId).toBe(sam.id);
  });

  it('keeps resolve and reopen to leads of the thread’s department and admins', async () => {
    const p = await supportPost();
    expect(await refusalMessage(ana.call.threads.resolve({ postKey: p.key }))).toBe(
      'only team leads and admins can do this',
    );
    expect(await refusal(lea.call.threads.resolve({ postKey: p.key }))).toBe('FORBIDDEN');
    expect((await sam.call.threads.resolve({ postKey: p.key })).thread.status).toBe('resolved');
    expect(await refusal(ana.call.threads.reopen({ postKey: p.key }))).toBe('FORBIDDEN');
    expect(await refusal(lea.call.threads.reopen({ postKey: p.key }))).toBe('FORBIDDEN');
    expect((await w.admin.call.threads.reopen({ postKey: p.key })).thread.status).toBe('open');
  });

  it('lets members who can act on the post dismiss it, note on it and answer it with the token', async () => {
    const p = await supportPost();
    const noted = await ana.call.notes.add({ postKey: p.key, text: 'on it' });
    expect(noted.thread.noteCount).toBe(1);
    const { token } = await ana.call.claims.acquire({ postKey: p.key });
    expect(await refusal(ana.call.threads.markAnswered({ postKey: p.key, token: token + 1 }))).toBe(
      'CONFLICT',
    );
    const answered = await ana.call.threads.markAnswered({ postKey: p.key, token });
    expect(answered.thread).toMatchObject({ status: 'answered', answeredBy: ana.id });
    expect(answered.claim).toBeNull();

    const q = await supportPost();
    expect(await refusal(lea.call.threads.dismiss({ postKey: q.key }))).toBe('FORBIDDEN');
    expect(await refusal(lea.call.notes.add({ postKey: q.key, text: 'x' }))).toBe('FORBIDDEN');
    expect((await ana.call.threads.dismiss({ postKey: q.key })).thread.status).toBe('dismissed');
  });
});
