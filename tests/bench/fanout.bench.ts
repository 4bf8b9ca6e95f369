import { performance } from 'node:perf_hooks';
import { percentile } from '../../shared/domain/metrics.ts';
import { httpClient, post } from '../server/harness.ts';
import { serveProcess } from '../server/serve-process.ts';
import type { ServerProcess } from '../server/serve-process.ts';
import { benchStore, cpuMsOf, rssOf, wsClient } from './bench-server.ts';
import type { Backend } from './bench-server.ts';
import { broadcastFloor } from './broadcast-floor.ts';
import { RawSubscribers } from './raw-subscribers.ts';

const SUBSCRIBERS = 1_000;
const EVENTS = 30;

async function members(admin: ReturnType<typeof httpClient>, n: number) {
  const support = await admin.departments.create.mutate({ name: 'Support' });
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 50)
    tokens.push(
      ...(
        await Promise.all(
          Array.from({ length: Math.min(50, n - i) }, (_, j) =>
            admin.members.create.mutate({
              name: `S${i + j}`,
              role: 'member',
              departmentIds: [support.id],
            }),
          ),
        )
      ).map((m) => m.token),
    );
  return tokens;
}

/**
 * Claims made through `writer`; per event, the time until each subscriber had it, and the CPU
 * time `fanning` (the instance the subscribers are on) spent per message delivered.
 */
async function deliveries(
  writer: ServerProcess,
  token: string,
  subs: RawSubscribers,
  fanning: ServerProcess,
) {
  const { client, close } = wsClient(writer.port, token);
  try {
    const posts = Array.from({ length: EVENTS }, (_, i) => post(`fan-out ${i}`));
    await client.posts.observe.mutate({ posts });
    await new Promise((r) => setTimeout(r, 500)); // let the post.seen events drain
    const samples: number[] = [];
    let missing = 0;
    const cpuBefore = cpuMsOf(fanning.child.pid!);
    for (const p of posts) {
      const waiting = subs.expect(`"type":"claim.acquired","postKey":"${p.key}"`);
      const t0 = performance.now();
      await client.claims.acquire.mutate({ postKey: p.key });
      const arrivals = await waiting.arrived();
      missing += subs.size - arrivals.length;
      samples.push(...arrivals.map((t) => t - t0));
      await new Promise((r) => setTimeout(r, 50));
    }
    // Includes the 50 ms pauses' idle ticks (none) and, when writer = fanning, the claims.
    const cpuUsPerDelivery = ((cpuMsOf(fanning.child.pid!) - cpuBefore) * 1000) / samples.length;
    samples.sort((a, b) => a - b);
    return {
      p50: percentile(samples, 50)!,
      p99: percentile(samples, 99)!,
      missing,
      cpuUsPerDelivery,
    };
  } finally {
    close();
  }
}

/**
 * 1,000 members subscribed to one org's events on one instance (SQLite): from a claim's request
 * to its event on every subscriber's socket; the server's RSS before and after they connect.
 * Beside it the floor: a bare WebSocket server broadcasting a payload of the same size.
 */
export async function fanoutBench(): Promise<Record<string, number>> {
  const store = await benchStore('sqlite');
  const server = await serveProcess(store.options);
  try {
    const admin = httpClient(server.port, server.adminToken);
    const tokens = await members(admin, SUBSCRIBERS + 1);
    const rssBefore = rssOf(server.child.pid!);
    const subs = await RawSubscribers.open(`ws://127.0.0.1:${server.port}/trpc`, tokens.slice(1));
    await new Promise((r) => setTimeout(r, 500));
    const rssAfter = rssOf(server.child.pid!);
    const d = await deliveries(server, tokens[0]!, subs, server);
    subs.close();
    const floor = await broadcastFloor(SUBSCRIBERS, 1_200, EVENTS);
    return {
      fanout_1000_p50_ms: +d.p50.toFixed(2),
      fanout_1000_p99_ms: +d.p99.toFixed(2),
      fanout_1000_missing: d.missing,
      // CPU the instance spends per event per subscriber: what bounds the fan-out on a free core.
      fanout_server_cpu_us_per_delivery: +d.cpuUsPerDelivery.toFixed(1),
      fanout_floor_broadcast_p50_ms: +floor.p50.toFixed(2),
      fanout_floor_broadcast_p99_ms: +floor.p99.toFixed(2),
      fanout_floor_cpu_us_per_delivery: +floor.cpuUsPerDelivery.toFixed(1),
      server_rss_mb_1000_subscribers: +(rssAfter / 2 ** 20).toFixed(1),
      memory_kb_per_subscriber: +((rssAfter - rssBefore) / SUBSCRIBERS / 1024).toFixed(1),
    };
  } finally {
    await server.stop();
    await store.drop();
  }
}

/** Two instances on one PostgreSQL: claims written through A, subscribers connected to B. */
export async function twoInstanceBench(backend: Backend = 'postgres') {
  const store = await benchStore(backend);
  const a = await serveProcess(store.options);
  const b = await serveProcess(store.options);
  try {
    const admin = httpClient(a.port, a.adminToken);
    const tokens = await members(admin, SUBSCRIBERS + 1);
    const subs = await RawSubscribers.open(`ws://127.0.0.1:${b.port}/trpc`, tokens.slice(1));
    await new Promise((r) => setTimeout(r, 500));
    const d = await deliveries(a, tokens[0]!, subs, b);
    subs.close();
    return {
      two_instances_fanout_1000_p50_ms: +d.p50.toFixed(2),
      two_instances_fanout_1000_p99_ms: +d.p99.toFixed(2),
      two_instances_fanout_1000_missing: d.missing,
      two_instances_server_b_cpu_us_per_delivery: +d.cpuUsPerDelivery.toFixed(1),
    };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await store.drop();
  }
}
