import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { post, world } from './world.ts';
import type { Person, World } from './world.ts';

describe.skipIf(!!skipReason)('queue and metrics routers (createCaller)', () => {
  let w: World;
  let ana: Person;

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
  });
  afterAll(() => w.close());

  it('lists a department’s open threads with their claims, and counts them in the metrics', async () => {
    const { Support } = w.departments;
    const [p, q] = [post(), post()];
    await ana.call.posts.observe({ posts: [p, q] });
    for (const x of [p, q])
      await ana.call.threads.assign({ postKey: x.key, departmentId: Support!.id });
    const { token } = await ana.call.claims.acquire({ postKey: p.key });
    const queue = await ana.call.queue.list({ departmentIds: [Support!.id] });
    expect(queue.items.map((v) => [v.thread.postKey, v.claim?.holderName ?? null])).toEqual([
      [p.key, 'Ana'],
      [q.key, null],
    ]);
    await ana.call.threads.markAnswered({ postKey: p.key, token });
    const summary = await ana.call.metrics.summary({ departmentIds: [Support!.id] });
    expect(summary.departments).toEqual([
      expect.objectContaining({ departmentId: Support!.id, seen: 2, answered: 1, open: 1 }),
    ]);
    expect(summary.answeredByMember).toEqual([{ memberId: ana.id, answered: 1 }]);
    expect(summary.memberNames).toEqual({ [ana.id]: 'Ana' });
  });
});
