import { performance } from 'node:perf_hooks';
import { percentile } from '../../shared/domain/metrics.ts';
import { post } from '../server/harness.ts';
import { benchOrg, cpuMsOf, wsClient } from './bench-server.ts';

/**
 * posts.observe with 200 posts the server has never seen (all registered and routed in one
 * write), over WebSocket on SQLite; beside it the same call once they are known (a read only).
 * Each with the server process's CPU time per call.
 */
export async function observeBench(rounds = 20) {
  const org = await benchOrg('sqlite', 1);
  const { client, close } = wsClient(org.server.port, org.tokens[0]!);
  try {
    await org.admin.rules.create.mutate({
      name: 'Refunds',
      keywords: ['refund'],
      departmentId: (await org.admin.departments.list.query())[0]!.id,
      mode: 'auto',
    });
    const unknown: number[] = [];
    const known: number[] = [];
    const pid = org.server.child.pid!;
    let cpuUnknown = 0;
    let cpuKnown = 0;
    for (let r = 0; r < rounds + 2; r++) {
      const posts = Array.from({ length: 200 }, (_, i) => post(`round ${r} post ${i}: refund?`));
      let cpu = cpuMsOf(pid);
      let t0 = performance.now();
      await client.posts.observe.mutate({ posts });
      const first = performance.now() - t0;
      const firstCpu = cpuMsOf(pid) - cpu;
      cpu = cpuMsOf(pid);
      t0 = performance.now();
      await client.posts.observe.mutate({ posts });
      const again = performance.now() - t0;
      const againCpu = cpuMsOf(pid) - cpu;
      if (r < 2) continue; // warm-up
      cpuUnknown += firstCpu;
      cpuKnown += againCpu;
      unknown.push(first);
      known.push(again);
    }
    unknown.sort((a, b) => a - b);
    known.sort((a, b) => a - b);
    return {
      observe_200_unknown_p50_ms: +percentile(unknown, 50)!.toFixed(2),
      observe_200_unknown_p95_ms: +percentile(unknown, 95)!.toFixed(2),
      observe_200_known_p50_ms: +percentile(known, 50)!.toFixed(2),
      // The server process's CPU per call (/proc, 10 ms ticks summed over the rounds): the least
      // load-sensitive of these figures.
      observe_200_unknown_server_cpu_ms: +(cpuUnknown / rounds).toFixed(2),
      observe_200_known_server_cpu_ms: +(cpuKnown / rounds).toFixed(2),
    };
  } finally {
    close();
    await org.close();
  }
}
