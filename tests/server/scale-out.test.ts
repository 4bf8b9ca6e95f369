import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, httpClient, post, skipReason, sleep } from './harness.ts';
import { startCluster } from './cluster.ts';
import type { Cluster, Member } from './cluster.ts';
import { collectEvents, gapsAndDuplicates, memberSocket, readLog } from './event-collector.ts';
import { claimHistory } from './claim-history.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: claims raced from
 * both, events crossing from one to the other's subscribers (also while a LISTEN connection is
 * killed), the lease sweeper of both announcing each expiry once.
 */
const skip =
  skipReason ??
  (backend === 'sqlite' ? 'several instances need a shared PostgreSQL database' : null);
if (backend === 'sqlite') console.warn(`scale-out tests SKIPPED on SQLite: ${skip}`);

const ATTEMPTS = 10_000;

describe.skipIf(!!skip)('two instances on one PostgreSQL', () => {
  let cluster: Cluster;
  let supportId: string;
  let members: Member[];

  beforeAll(async () => {
    cluster = await startCluster(2);
    supportId = await cluster.department('Support');
    members = await cluster.members(20, supportId);
  }, 60_000);
  afterAll(() => cluster?.close());

  const url = (i: number) => () => `ws://127.0.0.1:${cluster.instances[i]!.port}/trpc`;

  it('events written through one reach the other’s subscribers, also across a killed LISTEN connection', async () => {
    const [a, b] = cluster.instances as [
      (typeof cluster.instances)[0],
      (typeof cluster.instances)[0],
    ];
    const writers = members.slice(1, 5).map((m) => httpClient(a.port, m.token));
    // The stream starts from now: what setting up the cluster wrote before it is not its to get.
    const startId = (await readLog(writers[0]!)).at(-1)?.id ?? 0;
    const onB = memberSocket(url(1), members[0]!.token);
    const stream = collectEvents(onB, null);
    await sleep(300); // subscribed before the first write
    // Writes go through A only: B's subscriber hears of them by NOTIFY, or by re-reading the log
    // after its listener reconnects. B's listener is killed three times along the way.
    const killed: number[] = [];
    for (let round = 0; round < 4; round++) {
      if (round > 0) {
        const pid = (await cluster.listenerPid(b))!;
        await cluster.db.query('select pg_terminate_backend($1)', [pid]);
        killed.push(pid);
      }
      await Promise.all(
        writers.map(async (w, i) => {
          for (let n = 0; n < 10; n++) {
            const p = post(`round ${round} writer ${i} post ${n}`);
            await w.posts.observe.mutate({ posts: [p] });
            await w.claims.acquire.mutate({ postKey: p.key });
          }
        }),
      );
    }
    const log = (await readLog(writers[0]!)).filter((e) => e.id > startId);
    await stream.reach(log.at(-1)!.id);
    await sleep(200); // a late duplicate would show
    const written = log.filter((e) => e.type === 'post.seen' || e.type === 'claim.acquired');
    expect(written).toHaveLength(4 * 4 * 10 * 2);
    expect(gapsAndDuplicates(stream.events, log)).toEqual({
      missing: [],
      duplicated: 0,
      outOfOrder: 0,
    });
    expect(stream.errors).toEqual([]);
    // Each kill really ended a LISTEN session, and B opened a new one by itself.
    const now = await cluster.listenerPid(b);
    expect(now).not.toBeNull();
    expect(new Set([...killed, now]).size).toBe(killed.length + 1);
    stream.close();
    onB.close();
    console.log(
      `scale-out fan-out: ${written.length} writes through A reached B's subscriber, none lost, across ${killed.length} killed LISTEN connections`,
    );
  }, 60_000);

  it(`${ATTEMPTS.toLocaleString('en')} contended acquisitions from both instances: zero double winners`, async () => {
    const posts = Array.from({ length: 25 }, (_, i) => post(`contended ${i}`));
    await cluster.admin.posts.observe.mutate({ posts });
    await Promise.all(
      posts.map((p) =>
        cluster.admin.threads.assign.mutate({ postKey: p.key, departmentId: supportId }),
      ),
    );
    // Ten members on each instance, each over its own WebSocket, two requests in flight each.
    const sockets = members.map((m, i) => ({ m, s: memberSocket(url(i % 2), m.token) }));
    const random = seededRandom(10);
    const acks: { holderId: string; postKey: string; token: number }[] = [];
    const refused: Record<string, number> = {};
    let attempts = 0;
    const started = process.hrtime.bigint();
    const cpuBefore = { servers: cluster.cpuSeconds(), test: process.cpuUsage() };
    await Promise.all(
      sockets.flatMap(({ m, s }) =>
        [0, 1].map(async () => {
          while (attempts < ATTEMPTS) {
            attempts++;
            const p = posts[Math.floor(random() * posts.length)]!;
            // Leases of a second: most run out (the next claimer or a sweeper, on either
            // instance, ends them: the race at the edge of a lease), some are released at once.
            const keep = random() < 0.9;
            try {
              const { token } = await s.client.claims.acquire.mutate({
                postKey: p.key,
                leaseMs: 1_000,
              });
              acks.push({ holderId: m.id, postKey: p.key, token });
              if (!keep) await s.client.claims.release.mutate({ postKey: p.key, token });
            } catch (e) {
              const code = (e as { data?: { code?: string } }).data?.code ?? String(e);
              expect(code).toBe('CONFLICT');
              refused[code] = (refused[code] ?? 0) + 1;
            }
          }
        }),
      ),
    );
    for (const { s } of sockets) s.close();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const testCpu = process.cpuUsage(cpuBefore.test);
    const cpu = {
      servers: cluster.cpuSeconds() - cpuBefore.servers,
      test: (testCpu.user + testCpu.system) / 1e6,
    };

    // The kept leases run out and are swept; then the log tells every tenure whole. Only this
    // race's posts: the posts the test before claimed keep their longer leases.
    const keys = new Set(posts.map((p) => p.key));
    for (let i = 0; i < 100; i++) {
      const { rows } = await cluster.db.query(
        'select 1 from claims where holder_id is not null and post_key = any($1)',
        [[...keys]],
      );
      if (rows.length === 0) break;
      await sleep(100);
    }
    const log = (await readLog(cluster.admin)).filter((e) => e.postKey && keys.has(e.postKey));
    const { tenures, current, violations } = claimHistory(log);
    expect(violations).toEqual([]);
    expect(current.size).toBe(0);
    // Every acknowledged grant is one tenure of that member with that token; no token twice.
    const byToken = new Map(tenures.map((t) => [`${t.postKey}#${t.token}`, t]));
    expect(byToken.size).toBe(tenures.length);
    for (const ack of acks)
      expect(byToken.get(`${ack.postKey}#${ack.token}`)?.holderId).toBe(ack.holderId);
    // The claims table agrees with the log: nobody holds a post, and its token is the last one.
    const { rows } = await cluster.db.query<{
      post_key: string;
      holder_id: string | null;
      token: string;
    }>('select post_key, holder_id, token from claims');
    for (const p of posts) {
      const row = rows.find((r) => r.post_key === p.key)!;
      expect(row.holder_id).toBeNull();
      expect(Number(row.token)).toBe(tenures.filter((t) => t.postKey === p.key).at(-1)!.token);
    }
    const contended = acks.length + (refused.CONFLICT ?? 0);
    expect(contended).toBeGreaterThanOrEqual(ATTEMPTS);
    console.log(
      `scale-out race: ${contended} acquisitions on ${posts.length} posts from 20 members on 2 instances: ${acks.length} granted, ${refused.CONFLICT ?? 0} refused (CONFLICT), ${tenures.length} tenures in the log, 0 overlapping (${seconds.toFixed(1)} s wall; CPU: servers ${cpu.servers.toFixed(1)} s, clients ${cpu.test.toFixed(1)} s)`,
    );
  }, 600_000);

  it('the lease sweepers of both instances announce each expiry exactly once', async () => {
    const posts = Array.from({ length: 100 }, (_, i) => post(`expiring ${i}`));
    await cluster.admin.posts.observe.mutate({ posts });
    await Promise.all(
      posts.map((p) =>
        cluster.admin.threads.assign.mutate({ postKey: p.key, departmentId: supportId }),
      ),
    );
    const clients = members.map((m, i) => httpClient(cluster.instances[i % 2]!.port, m.token));
    const granted = await Promise.all(
      posts.map((p, i) =>
        clients[i % clients.length]!.claims.acquire.mutate({ postKey: p.key, leaseMs: 1_000 }),
      ),
    );
    const keys = new Set(posts.map((p) => p.key));
    let expired: { postKey: string | null; data: Record<string, unknown> }[] = [];
    for (let i = 0; i < 200 && expired.length < posts.length; i++) {
      await sleep(100);
      expired = (await readLog(cluster.admin)).filter(
        (e) => e.type === 'claim.expired' && keys.has(e.postKey!),
      );
    }
    await sleep(2_500); // a second sweep of either instance would announce it again by now
    expired = (await readLog(cluster.admin)).filter(
      (e) => e.type === 'claim.expired' && keys.has(e.postKey!),
    );
    expect(expired).toHaveLength(posts.length);
    expect(new Set(expired.map((e) => e.postKey)).size).toBe(posts.length);
    const views = await cluster.admin.posts.get.query({ postKeys: [...keys] });
    expect(views.every((v) => v.claim === null)).toBe(true);
    expect(granted).toHaveLength(posts.length);
    console.log(
      `scale-out sweep: ${posts.length} leases granted through both instances ran out; each expiry announced once by the two sweepers`,
    );
  }, 60_000);
});
