import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, skipReason, sleep, startTestServer } from './harness.ts';
import type { TestOrg, TestServer } from './harness.ts';

describe.skipIf(!!skipReason)('queue and metrics', () => {
  let ts: TestServer;
  let org: TestOrg;

  beforeAll(async () => {
    ts = await startTestServer();
    org = await ts.org('Acme', ['Support', 'Sales']);
  });
  afterAll(() => ts.close());

  it('lists a member’s departments by SLA due time, their claims, and what is overdue', async () => {
    const ana = await org.member('Ana', 'member', ['Support']);
    const { Support, Sales } = org.departments;
    const fast = await org.admin.departments.create.mutate({ name: 'Urgent', slaMinutes: 1 });
    const [p1, p2, p3] = [post(), post(), post()];
    await ana.client.posts.observe.mutate({ posts: [p1, p2, p3] });
    await org.admin.threads.assign.mutate({ postKey: p1.key, departmentId: Support!.id });
    await org.admin.threads.assign.mutate({ postKey: p2.key, departmentId: Sales!.id });
    await org.admin.threads.assign.mutate({ postKey: p3.key, departmentId: fast.id });
    await org.admin.members.update.mutate({ id: ana.id, departmentIds: [Support!.id, fast.id] });

    const mine = await ana.client.queue.list.query({ departmentIds: [Support!.id, fast.id] });
    expect(mine.items.map((v) => v.thread.postKey)).toEqual([p3.key, p1.key]); // 1 min before 60
    await ana.client.claims.acquire.mutate({ postKey: p1.key });
    const claimed = await ana.client.queue.list.query({ claimedBy: ana.id });
    expect(claimed.items.map((v) => v.thread.postKey)).toEqual([p1.key]);
    expect(claimed.items[0]!.claim?.holderName).toBe('Ana');
    expect((await ana.client.queue.list.query({ overdue: true })).items).toEqual([]);
  });

  it('measures first response per department: median, p90, SLA met, open and overdue', async () => {
    const billing = await org.admin.departments.create.mutate({ name: 'Billing', slaMinutes: 30 });
    const lee = await org.member('Lee', 'lead', ['Billing']);
    const posts = Array.from({ length: 5 }, () => post());
    await lee.client.posts.observe.mutate({ posts });
    for (const p of posts)
      await lee.client.threads.assign.mutate({
        postKey: p.key,
        departmentId: billing.id,
      });
    for (const [i, p] of posts.slice(0, 4).entries()) {
      await sleep(50 * (i + 1));
      const { token } = await lee.client.claims.acquire.mutate({ postKey: p.key });
      await lee.client.threads.markAnswered.mutate({ postKey: p.key, token });
    }
    const { departments } = await lee.client.metrics.summary.query({
      departmentId: billing.id,
    });
    const sales = departments[0]!;
    expect(sales).toMatchObject({ seen: 5, answered: 4, open: 1, overdue: 0, breaches: 0 });
    expect(sales.slaMetPercent).toBe(100);
    expect(sales.firstResponseMedianMs).toBeGreaterThan(0);
    expect(sales.firstResponseP90Ms).toBeGreaterThanOrEqual(sales.firstResponseMedianMs!);
    const summary = await lee.client.metrics.summary.query({ departmentId: billing.id });
    expect(summary.answeredByMember).toEqual([{ memberId: lee.id, answered: 4 }]);
    expect(summary.daily.reduce((n, d) => n + d.answered, 0)).toBe(4);
    expect(summary.daily[0]!.medianMs).toBeGreaterThan(0);
  });
});
