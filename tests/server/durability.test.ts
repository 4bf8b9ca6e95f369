import { afterAll, describe, expect, it } from 'vitest';
import { freshStore, httpClient, post, skipReason } from './harness.ts';
import type { FreshStore } from './harness.ts';
import { serveProcess } from './serve-process.ts';

describe.skipIf(!!skipReason)('durability', () => {
  let store: FreshStore;
  afterAll(() => store?.drop());

  it('keeps every acknowledged claim and assignment when the process is SIGKILLed', async () => {
    store = await freshStore();
    const first = await serveProcess(store.options);
    expect(first.adminToken).toMatch(/^sb_/);
    const admin = httpClient(first.port, first.adminToken);
    const support = await admin.departments.create.mutate({ name: 'Support', slaMinutes: 30 });
    const { member, token } = await admin.members.create.mutate({
      name: 'Ana',
      role: 'member',
      departmentIds: [support.id],
    });
    const ana = httpClient(first.port, token);
    const posts = Array.from({ length: 60 }, (_, i) => post(`order ${i} never arrived`));
    await ana.posts.observe.mutate({ posts });
    const claimed = posts.slice(0, 30);
    const assigned = posts.slice(30);
    // Writes in flight together; the kill comes right after the last acknowledgement.
    const acks = await Promise.all([
      ...claimed.map((p) => ana.claims.acquire.mutate({ postKey: p.key, leaseMs: 600_000 })),
      ...assigned.map((p) =>
        ana.threads.assign.mutate({
          postKey: p.key,
          departmentId: support.id,
          assigneeId: member.id,
        }),
      ),
    ]);
    await first.kill();

    const second = await serveProcess(store.options);
    try {
      expect(second.adminToken).toBeNull(); // same organisation, not a new one
      const again = httpClient(second.port, token);
      const views = await again.posts.get.query({ postKeys: posts.map((p) => p.key) });
      const byKey = new Map(views.map((v) => [v.thread.postKey, v]));
      expect(byKey.size).toBe(60);
      claimed.forEach((p, i) => {
        const ack = acks[i] as { token: number };
        expect(byKey.get(p.key)!.claim).toMatchObject({ holderId: member.id, token: ack.token });
      });
      for (const p of assigned)
        expect(byKey.get(p.key)!.thread).toMatchObject({
          departmentId: support.id,
          assigneeId: member.id,
        });
    } finally {
      await second.stop();
    }
  }, 60_000);
});
