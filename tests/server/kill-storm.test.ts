import { afterAll, describe, expect, it } from 'vitest';
import { backend, httpClient, post, skipReason, sleep } from './harness.ts';
import { startCluster } from './cluster.ts';
import type { Cluster, Member } from './cluster.ts';
import type { ServerProcess } from './serve-process.ts';
import { collectEvents, gapsAndDuplicates, memberSocket, readLog } from './event-collector.ts';
import type { EventCollector } from './event-collector.ts';
import { claimHistory } from './claim-history.ts';
import { seededRandom } from './seeded-random.ts';
import { sendUntilDefinite } from './storm-client.ts';
import type { Settled, StormWrite } from './storm-client.ts';
import type { ThreadView } from '../../shared/domain/schemas/index.ts';

/**
 * `kill -9` of an instance in the middle of a storm of claims and assignments, 20 times. Two
 * instances share the database; members reach whichever is up (a load balancer's choice), and
 * when theirs dies they reconnect to another, resume their stream from the last event they got
 * and send again every write whose answer they did not get, with its client mutation id.
 */
const skip =
  skipReason ??
  (backend === 'sqlite' ? 'several instances need a shared PostgreSQL database' : null);
if (backend === 'sqlite')
  console.warn(
    `kill -9 storm SKIPPED on SQLite: ${skip} (durability.test.ts and group-commit-crash.test.ts kill SQLite)`,
  );

const KILLS = 20;
const ACKS_BETWEEN_KILLS = 25;

describe.skipIf(!!skip)('kill -9 during a storm of claims and assignments', () => {
  let cluster: Cluster;
  afterAll(() => cluster?.close());

  it(`${KILLS} kills: every acknowledged write survives, streams resume without a gap, outboxes apply once`, async () => {
    const testCpu = process.cpuUsage();
    cluster = await startCluster(2);
    const departments = [await cluster.department('Support'), await cluster.department('Sales')];
    const people: Member[] = [];
    for (const d of departments)
      people.push(...(await cluster.members(6, d)), ...(await cluster.members(1, d, 'lead')));
    const posts = Array.from({ length: 120 }, (_, i) => post(`storm ${i}`));
    await cluster.admin.posts.observe.mutate({ posts: posts.slice(0, 100) });
    await cluster.admin.posts.observe.mutate({ posts: posts.slice(100) });
    await Promise.all(
      posts.map((p, i) =>
        cluster.admin.threads.assign.mutate({ postKey: p.key, departmentId: departments[i % 2] }),
      ),
    );

    // Whichever instances are up; a member's socket picks one at random on every (re)connect.
    const live = new Set<ServerProcess>(cluster.instances);
    const random = seededRandom(20);
    const pick = () => {
      const up = [...live];
      return `ws://127.0.0.1:${up[Math.floor(random() * up.length)]!.port}/trpc`;
    };
    const settled: (Settled & { by: Member })[] = [];
    let stop = false;
    const clients = people.map((m) => {
      const socket = memberSocket(pick, m.token);
      return { m, socket, stream: collectEvents(socket, '0') as EventCollector };
    });

    const storm = clients.map(async ({ m, socket }, c) => {
      const held: { postKey: string; token: number }[] = [];
      const mine = posts.filter((_, i) => departments[i % 2] === m.departmentId);
      const lead = m.name.startsWith('Lead');
      for (let n = 0; !stop; n++) {
        const r = random();
        const p = (lead ? posts : mine)[Math.floor(random() * (lead ? posts : mine).length)]!;
        let write: StormWrite;
        if (lead) {
          const to = departments[Math.floor(random() * 2)]!;
          write = {
            procedure: 'threads.assign',
            postKey: p.key,
            departmentId: to,
            assigneeId: null,
          };
        } else if (
          held.length > 0 &&
          (r < 0.35 || held.length > 3 || held.some((h) => h.postKey === p.key))
        ) {
          const { postKey, token } = held.splice(Math.floor(random() * held.length), 1)[0]!;
          write = { procedure: 'claims.release', postKey, token };
        } else if (r < 0.85)
          write = { procedure: 'claims.acquire', postKey: p.key, leaseMs: 300_000 };
        else write = { procedure: 'threads.assign', postKey: p.key, assigneeId: m.id };
        const done = await sendUntilDefinite(socket.client, `storm-${c}-${n}`, write);
        settled.push({ ...done, by: m });
        if (done.outcome.ok && write.procedure === 'claims.acquire')
          held.push({
            postKey: write.postKey,
            token: (done.outcome.value as { token: number }).token,
          });
      }
    });

    // The killer: whenever both instances are up and enough writes were acknowledged since the
    // last kill, one of them dies with SIGKILL and a new one starts on the same database.
    const acked = () => settled.filter((s) => s.outcome.ok).length;
    let kills = 0;
    const started = [...cluster.instances];
    while (kills < KILLS) {
      const mark = acked();
      while (acked() < mark + ACKS_BETWEEN_KILLS || live.size < 2) await sleep(20);
      const victim = [...live][Math.floor(random() * live.size)]!;
      live.delete(victim);
      await cluster.kill(victim);
      kills++;
      void cluster.start().then((fresh) => {
        started.push(fresh);
        live.add(fresh);
      });
    }
    while (live.size < 2) await sleep(20);
    stop = true;
    await Promise.all(storm);

    // After the last restart: read everything back through an instance that never saw the writes.
    const reader = await cluster.start();
    const admin = httpClient(reader.port, started[0]!.adminToken);
    const log = await readLog(admin);
    const ok = settled.flatMap((s) => (s.outcome.ok ? [{ ...s, value: s.outcome.value }] : []));

    // 1. Every acknowledged write is in the database with the very answer the member was given.
    const { rows } = await cluster.db.query<{
      member_id: string;
      client_id: string;
      result: string;
    }>('select member_id, client_id, result from mutations');
    const stored = new Map(
      rows.map((r) => [`${r.member_id}/${r.client_id}`, JSON.parse(r.result)]),
    );
    for (const s of ok) expect(stored.get(`${s.by.id}/${s.clientMutationId}`)).toEqual(s.value);

    // 2. ...and in the log: each grant a tenure of that member, each release its end, each
    //    assignment a version of the thread; no two holders overlap, no token is granted twice.
    const { tenures, violations } = claimHistory(log);
    expect(violations).toEqual([]);
    const tenure = new Map(tenures.map((t) => [`${t.postKey}#${t.token}`, t]));
    for (const s of ok) {
      if (s.write.procedure === 'claims.acquire') {
        const { token } = s.value as { token: number };
        expect(tenure.get(`${s.write.postKey}#${token}`)?.holderId).toBe(s.by.id);
      } else if (s.write.procedure === 'claims.release') {
        expect(tenure.get(`${s.write.postKey}#${s.write.token}`)?.endedBy).toBe('claim.released');
      } else {
        const { thread } = s.value as ThreadView;
        const versions = log.filter((e) => e.postKey === thread.postKey && e.thread);
        expect(versions.some((e) => e.thread!.version === thread.version)).toBe(true);
      }
    }

    // 3. Exactly once: every stored write has exactly its events, however often it was sent.
    for (const m of people) {
      const by = (type: string) => log.filter((e) => e.actorId === m.id && e.type === type).length;
      const writes = (procedure: string) =>
        ok.filter((s) => s.by.id === m.id && s.write.procedure === procedure).length;
      expect(by('claim.acquired') + by('claim.renewed')).toBe(writes('claims.acquire'));
      expect(by('claim.released')).toBe(writes('claims.release'));
    }
    // A member releases only what they hold: a refused release would be a lost or doubled write.
    const refusedReleases = settled.filter(
      (s) => s.write.procedure === 'claims.release' && !s.outcome.ok,
    );
    expect(refusedReleases).toEqual([]);
    expect(settled.reduce((n, s) => n + s.internalErrors, 0)).toBe(0);

    // 4. Every member's stream, across every reconnect, holds the log as they may read it: no
    //    event missing, none twice, in order.
    const head = log.at(-1)!.id;
    for (const { m, socket, stream } of clients) {
      await stream.reach(head);
      const own = await readLog(httpClient(reader.port, m.token));
      expect(gapsAndDuplicates(stream.events, own), m.name).toEqual({
        missing: [],
        duplicated: 0,
        outOfOrder: 0,
      });
      stream.close();
      socket.close();
    }

    const cpu = process.cpuUsage(testCpu);
    const cpuNote = `CPU: instances ${cluster.cpuSeconds().toFixed(1)} s, members ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`;
    const count = (p: string) => ok.filter((s) => s.write.procedure === p).length;
    console.log(
      `kill -9 storm: ${KILLS} kills of ${started.length + 1} instance processes (2 up at a time), ${clients.length} members, ${settled.length} writes (${ok.length} acknowledged: ${count('claims.acquire')} claims, ${count('claims.release')} releases, ${count('threads.assign')} assignments; ${settled.length - ok.length} refused with a reason), ${settled.reduce((n, s) => n + s.replays, 0)} outbox replays, ${log.length} events; 0 lost, 0 applied twice, 0 stream gaps (${cpuNote})`,
    );
  }, 600_000);
});
