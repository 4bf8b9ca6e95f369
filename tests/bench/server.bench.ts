import { performance } from 'node:perf_hooks';
import { startTestServer, post, wsClient } from '../server/harness.ts';
import { DEFAULT_LIMITS } from '../../server/limits/limits.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Server figures on a real SQLite file (or PostgreSQL with SWITCHBOARD_TEST_BACKEND=postgres):
 * claims granted per second over HTTP with 32 in flight, and the time from a claim's request to
 * its event arriving on another member's WebSocket stream.
 */
export async function serverBench(): Promise<Record<string, number>> {
  // Eight members stand in for many browsers here: the per-connection and per-token rates
  // (server/limits) would measure the limit, not the server.
  const ts = await startTestServer({
    limits: { ...DEFAULT_LIMITS, perConnection: 0, perToken: 0 },
  });
  try {
    const org = await ts.org('Bench', ['Support']);
    const members = await Promise.all(
      Array.from({ length: 8 }, (_, i) => org.member(`M${i}`, 'member', ['Support'])),
    );
    const posts = Array.from({ length: 4_000 }, (_, i) => post(`bench ${i}`));
    for (let i = 0; i < posts.length; i += 200)
      await members[0]!.client.posts.observe.mutate({ posts: posts.slice(i, i + 200) });

    // Throughput: each post claimed once, 32 requests in flight; members take turns. Over
    // WebSocket, as the extension's background sends them, and over HTTP.
    const sockets = members.map((m) => wsClient(ts.port, m.token));
    async function claimAll(batch: typeof posts, over: 'ws' | 'http') {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 32 }, async (_, w) => {
          const i = w % members.length;
          const client = over === 'ws' ? sockets[i]!.client : members[i]!.client;
          while (next < batch.length) {
            const p = batch[next++]!;
            await client.claims.acquire.mutate({ postKey: p.key });
          }
        }),
      );
      return Math.round(batch.length / ((performance.now() - started) / 1000));
    }
    const wsRate = await claimAll(posts.slice(0, 3_000), 'ws');
    const httpRate = await claimAll(posts.slice(3_000), 'http');
    for (const s of sockets) s.close();

    // Latency: request sent -> event on another member's stream.
    const watcher = members[1]!;
    const { client, close } = wsClient(ts.port, watcher.token);
    const waiting = new Map<string, (t: number) => void>();
    const sub = client.events.stream.subscribe(
      { lastEventId: null },
      { onData: ({ data }) => data.postKey && waiting.get(data.postKey)?.(performance.now()) },
    );
    await new Promise((r) => setTimeout(r, 300));
    const fresh = Array.from({ length: 300 }, (_, i) => post(`latency ${i}`));
    await members[0]!.client.posts.observe.mutate({ posts: fresh.slice(0, 200) });
    await members[0]!.client.posts.observe.mutate({ posts: fresh.slice(200) });
    await new Promise((r) => setTimeout(r, 300));
    const samples: number[] = [];
    for (const p of fresh) {
      const arrived = new Promise<number>((resolve) => waiting.set(p.key, resolve));
      const t0 = performance.now();
      await members[2]!.client.claims.acquire.mutate({ postKey: p.key });
      samples.push((await arrived) - t0);
      waiting.delete(p.key);
    }
    sub.unsubscribe();
    close();
    samples.sort((a, b) => a - b);
    return {
      claims_per_second_ws: wsRate,
      claims_per_second_http: httpRate,
      event_delivery_p50_ms: +percentile(samples, 50).toFixed(2),
      event_delivery_p95_ms: +percentile(samples, 95).toFixed(2),
    };
  } finally {
    await ts.close();
  }
}
