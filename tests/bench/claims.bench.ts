import { performance } from 'node:perf_hooks';
import { post } from '../server/harness.ts';
import { benchOrg, cpuMsOf, wsClient } from './bench-server.ts';
import type { Backend } from './bench-server.ts';

const IN_FLIGHT = 64;

/**
 * Claims answered per second with 64 members each keeping one claims.acquire in flight over
 * their own WebSocket (as each browser's background does), against a server process of its own.
 * Spread: every claim is on a post of its own. Contended: all 64 race on 8 posts, and whoever
 * wins releases at once, so grants and refusals mix.
 */
export async function claimsBench(backend: Backend, seconds = 3) {
  const org = await benchOrg(backend, IN_FLIGHT);
  const sockets = org.tokens.map((t) => wsClient(org.server.port, t));
  try {
    const spread = Array.from({ length: 12_000 }, (_, i) => post(`spread ${i}`));
    const hot = Array.from({ length: 8 }, (_, i) => post(`hot ${i}`));
    for (let i = 0; i < spread.length; i += 200)
      await sockets[0]!.client.posts.observe.mutate({ posts: spread.slice(i, i + 200) });
    await sockets[0]!.client.posts.observe.mutate({ posts: hot });

    async function run(pick: (worker: number) => string | null) {
      let answered = 0;
      let granted = 0;
      const pid = org.server.child.pid!;
      const cpuBefore = cpuMsOf(pid);
      const until = performance.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        sockets.map(async ({ client }, w) => {
          while (performance.now() < until) {
            const postKey = pick(w);
            if (postKey === null) return;
            try {
              const { token } = await client.claims.acquire.mutate({ postKey });
              granted++;
              if (pick === contended) await client.claims.release.mutate({ postKey, token });
            } catch {
              // refused: the post is held by someone else; still an answered claim
            }
            answered++;
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      const cpuMsPerClaim = (cpuMsOf(pid) - cpuBefore) / answered;
      return { perSecond: Math.round(answered / elapsed), granted, cpuMsPerClaim };
    }
    let next = 0;
    const spreadPick = () => (next < spread.length ? spread[next++]!.key : null);
    const contended = (w: number) => hot[(w + next++) % hot.length]!.key;
    const a = await run(spreadPick);
    const b = await run(contended);
    return {
      [`claims_per_second_${backend}`]: a.perSecond,
      [`claims_per_second_${backend}_contended`]: b.perSecond,
      [`claims_granted_${backend}_contended`]: b.granted,
      // The server's CPU time per answered claim: less sensitive to a busy machine than a rate.
      [`server_cpu_ms_per_claim_${backend}`]: +a.cpuMsPerClaim.toFixed(3),
      [`server_cpu_ms_per_claim_${backend}_contended`]: +b.cpuMsPerClaim.toFixed(3),
    };
  } finally {
    for (const s of sockets) s.close();
    await org.close();
  }
}
