import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * Many event-stream subscribers, each a plain WebSocket speaking tRPC's protocol (connection
 * params, then one `events.stream` subscription), so that a thousand of them cost this process
 * little: a message is only searched for the marker it waits for, never parsed.
 */
export class RawSubscribers {
  private sockets: WebSocket[] = [];
  private marker: Buffer | null = null;
  private arrivals: number[] = [];

  static async open(url: string, tokens: readonly string[], concurrency = 50) {
    const subs = new RawSubscribers();
    for (let i = 0; i < tokens.length; i += concurrency)
      await Promise.all(tokens.slice(i, i + concurrency).map((t) => subs.add(url, t)));
    return subs;
  }

  private add(url: string, token: string): Promise<void> {
    const ws = new WebSocket(`${url}?connectionParams=1`);
    this.sockets.push(ws);
    return new Promise((resolve, reject) => {
      ws.once('error', reject);
      ws.once('open', () => {
        ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
        ws.send(
          JSON.stringify({
            id: 1,
            method: 'subscription',
            params: { path: 'events.stream', input: { lastEventId: null } },
          }),
        );
      });
      const onMessage = (data: Buffer) => {
        if (!String(data).includes('"started"')) return;
        ws.off('message', onMessage);
        ws.on('message', (m: Buffer) => {
          if (this.marker && m.includes(this.marker)) this.arrivals.push(performance.now());
        });
        resolve();
      };
      ws.on('message', onMessage);
    });
  }

  /** Starts waiting for messages that contain `marker`; `arrived()` resolves when all have one. */
  expect(marker: string): { arrived(timeoutMs?: number): Promise<number[]> } {
    this.marker = Buffer.from(marker);
    this.arrivals = [];
    return {
      arrived: async (timeoutMs = 5_000) => {
        const until = performance.now() + timeoutMs;
        while (this.arrivals.length < this.sockets.length && performance.now() < until)
          await new Promise((r) => setTimeout(r, 2));
        return this.arrivals;
      },
    };
  }

  get size(): number {
    return this.sockets.length;
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
  }
}
