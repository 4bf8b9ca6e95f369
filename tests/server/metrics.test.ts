import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, post, skipReason, startTestServer } from './harness.ts';
import type { Client, TestOrg, TestServer } from './harness.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// A fixed day, so buckets are known; the answers' times are written straight into the table.
const D = Date.UTC(2026, 0, 10);

describe.skipIf(!!skipReason)(
  'metrics: answers per member and the daily first-response series',
  () => {
    let ts: TestServer;
    let org: TestOrg;
    let lee: { id: string; client: Client };
    let ana: { id: string; client: Client };
    let ben: { id: string; client: Client };

    /** Claims and answers as `who`, then moves the thread's clock to the given times. */
    async function answered(who: Client, departmentId: string, seenAt: number, answeredAt: number) {
      const p = post();
      await who.posts.observe.mutate({ posts: [p] });
      await org.admin.threads.assign.mutate({ postKey: p.key, departmentId });
      const { token } = await who.claims.acquire.mutate({ postKey: p.key });
      await who.threads.markAnswered.mutate({ postKey: p.key, token });
      await ts.server.deps.store.db
        .updateTable('threads')
        .set({ first_seen_at: seenAt, answered_at: answeredAt, due_at: seenAt + HOUR })
        .where('org_id', '=', org.orgId)
        .where('post_key', '=', p.key)
        .execute();
    }

    beforeAll(async () => {
      ts = await startTestServer();
      org = await ts.org('Acme', ['Support', 'Sales']);
      const { Support, Sales } = org.departments;
      lee = await org.member('Lee', 'lead', ['Support', 'Sales']);
      ana = await org.member('Ana', 'member', ['Support']);
      ben = await org.member('Ben', 'member', ['Support']);
      await answered(ana.client, Support!.id, D + HOUR, D + HOUR + 10 * MIN);
      await answered(ana.client, Support!.id, D + 2 * HOUR, D + 2 * HOUR + 30 * MIN);
      // Seen five days before the period, answered inside it.
      await answered(ben.client, Support!.id, D - 5 * DAY, D + DAY + 3 * HOUR);
      await answered(lee.client, Sales!.id, D + DAY + 23 * HOUR, D + DAY + 23 * HOUR + 30 * MIN);
      // Another organisation's answers never show up in Acme's figures.
      const other = await ts.org('Other', ['Support']);
      const olga = await other.member('Olga', 'member', ['Support']);
      const p = post();
      await olga.client.posts.observe.mutate({ posts: [p] });
      const { token } = await olga.client.claims.acquire.mutate({ postKey: p.key });
      await olga.client.threads.markAnswered.mutate({ postKey: p.key, token });
    });
    afterAll(() => ts.close());

    const period = { from: D, to: D + 3 * DAY };

    it('counts answers per member in the period, most first, named from the members table', async () => {
      const s = await lee.client.metrics.summary.query(period);
      expect(s.answeredByMember[0]).toEqual({ memberId: ana.id, answered: 2 });
      expect(s.answeredByMember.slice(1)).toEqual(
        expect.arrayContaining([
          { memberId: ben.id, answered: 1 },
          { memberId: lee.id, answered: 1 },
        ]),
      );
      expect(s.answeredByMember).toHaveLength(3);
      expect(s.memberNames).toEqual({ [ana.id]: 'Ana', [ben.id]: 'Ben', [lee.id]: 'Lee' });
      const later = await lee.client.metrics.summary.query({ from: D + 3 * DAY });
      expect(later.answeredByMember).toEqual([]);
      expect(later.daily).toEqual([]);
    });

    it('keeps the name of someone who has since left', async () => {
      await org.admin.members.remove.mutate({ id: ben.id });
      const s = await lee.client.metrics.summary.query(period);
      expect(s.memberNames[ben.id]).toBe('Ben');
    });

    it('buckets first responses by the UTC day of the answer, medians per day', async () => {
      const s = await lee.client.metrics.summary.query(period);
      expect(s.daily).toEqual([
        { day: D, answered: 2, medianMs: 10 * MIN },
        { day: D + DAY, answered: 2, medianMs: 30 * MIN },
      ]);
      // The per-department figures still count threads first seen in the period.
      const support = s.departments.find((d) => d.departmentId === org.departments.Support!.id);
      expect(support).toMatchObject({ seen: 2, answered: 2, open: 0, overdue: 0 });
    });

    it('splits days at the caller’s midnight when given their UTC offset', async () => {
      const s = await lee.client.metrics.summary.query({ ...period, utcOffsetMinutes: 60 });
      expect(s.daily).toEqual([
        { day: D - HOUR, answered: 2, medianMs: 10 * MIN },
        { day: D + DAY - HOUR, answered: 1, medianMs: DAY * 6 + 3 * HOUR },
        { day: D + 2 * DAY - HOUR, answered: 1, medianMs: 30 * MIN },
      ]);
    });

    it('narrows everything to a lead’s departments, and refuses an empty list', async () => {
      const s = await lee.client.metrics.summary.query({
        ...period,
        departmentIds: [org.departments.Support!.id],
      });
      expect(s.departments.map((d) => d.departmentId)).toEqual([org.departments.Support!.id]);
      expect(s.answeredByMember.map((m) => m.memberId)).not.toContain(lee.id);
      expect(s.daily.reduce((n, d) => n + d.answered, 0)).toBe(3);
      expect(await codeOf(lee.client.metrics.summary.query({ departmentIds: [] }))).toBe(
        'BAD_REQUEST',
      );
    });
  },
);
