import { afterAll, describe, expect, it } from 'vitest';
import { freshStore, httpClient, post, skipReason, wsClient } from './harness.ts';
import type { FreshStore } from './harness.ts';
import { serveProcess } from './serve-process.ts';

const MEMBERS = 16;
const POSTS = 3_000;

describe.skipIf(!!skipReason)('group commit under SIGKILL', () => {
  let store: FreshStore;
  afterAll(() => store?.drop());

  // From outside while claims stream in; and by the server itself (a hook of group-commit.ts)
  // inside a group of several claims: after its writes ran and before its COMMIT, or after the
  // COMMIT and before any of them is answered.
  it.each([
    ['from outside, while groups run back to back', null],
    ['inside a group, before its commit', 'before-commit:20'],
    ['inside a group, after its commit, before its answers', 'after-commit:20'],
  ])(
    'loses no acknowledged claim when the server is killed %s',
    async (_, crashPoint) => {
      await store?.drop();
      store = await freshStore();
      const env = crashPoint ? { SWITCHBOARD_TEST_CRASH_IN_GROUP: crashPoint } : {};
      const first = await serveProcess(store.options, { env });
      const died = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
      const admin = httpClient(first.port, first.adminToken);
      const support = await admin.departments.create.mutate({ name: 'Support' });
      const members = await Promise.all(
        Array.from({ length: MEMBERS }, (_, i) =>
          admin.members.create.mutate({
            name: `M${i}`,
            role: 'member',
            departmentIds: [support.id],
          }),
        ),
      );
      const posts = Array.from({ length: POSTS }, (_, i) => post(`crash ${i}`));
      for (let i = 0; i < POSTS; i += 200)
        await admin.posts.observe.mutate({ posts: posts.slice(i, i + 200) });

      // Four claims in flight per member over their WebSocket, so groups run back to back; the kill
      // lands while some of them are being applied or committed.
      const sockets = members.map((m) => wsClient(first.port, m.token));
      const acked = new Map<string, { holderId: string; token: number }>();
      let next = 0;
      let killed = false;
      const killing = new Promise<void>((resolve) => {
        const workers = sockets.flatMap((s, i) =>
          Array.from({ length: 4 }, async () => {
            while (!killed && next < POSTS) {
              const p = posts[next++]!;
              try {
                const { token } = await s.client.claims.acquire.mutate({ postKey: p.key });
                acked.set(p.key, { holderId: members[i]!.member.id, token });
              } catch {
                return; // the server is gone: not acknowledged
              }
              if (acked.size === 600 && !killed && !crashPoint) {
                killed = true;
                void first.kill().then(resolve);
              }
            }
          }),
        );
        void Promise.all(workers).then(() => resolve());
        if (crashPoint) void died.then(() => ((killed = true), resolve()));
      });
      await killing;
      if (crashPoint) await died; // it killed itself: not a stray exit
      if (crashPoint) expect(first.child.signalCode).toBe('SIGKILL');
      for (const s of sockets) s.close();
      expect(killed).toBe(true);
      expect(next).toBeLessThan(POSTS); // it really was cut off mid-stream

      const second = await serveProcess(store.options);
      try {
        const again = httpClient(second.port, first.adminToken);
        const keys = posts.map((p) => p.key);
        const views = [];
        for (let i = 0; i < keys.length; i += 500)
          views.push(...(await again.posts.get.query({ postKeys: keys.slice(i, i + 500) })));
        const claims = new Map(views.map((v) => [v.thread.postKey, v.claim]));
        for (const [key, ack] of acked)
          expect(claims.get(key), key).toMatchObject({ holderId: ack.holderId, token: ack.token });
        // Their events survived too, once each and in the order of their ids.
        const events = [];
        for (let after = 0; ;) {
          const page = await again.events.list.query({ afterId: after, limit: 1000 });
          if (page.length === 0) break;
          events.push(...page);
          after = page[page.length - 1]!.id;
        }
        const acquired = events.filter((e) => e.type === 'claim.acquired').map((e) => e.postKey!);
        expect(new Set(acquired).size).toBe(acquired.length);
        for (const key of acked.keys()) expect(acquired).toContain(key);
        // Nothing half-applied: a post is held only together with its event, acknowledged or not.
        const held = views.filter((v) => v.claim).map((v) => v.thread.postKey);
        expect(held.every((key) => acquired.includes(key))).toBe(true);
        // Killed after a commit, before the answers: that group's claims are there, unanswered.
        if (crashPoint?.startsWith('after')) expect(held.length).toBeGreaterThan(acked.size);
      } finally {
        await second.stop();
      }
    },
    120_000,
  );
});
