import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { percentile } from '../../shared/domain/metrics.ts';
import { cpuMsOf } from './bench-server.ts';

// A WebSocket server that does nothing but send the same payload to every client when asked:
// the floor under the server's fan-out, measured between the same two processes.
const floorServer = `
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
wss.on('listening', () => console.log(wss.address().port));
wss.on('connection', (ws) => ws.on('message', (m) => {
  for (const c of wss.clients) if (c !== ws) c.send(m);
}));
`;

export async function broadcastFloor(clients: number, payloadBytes: number, rounds: number) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', floorServer], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: process.cwd(),
  });
  try {
    const port = await new Promise<number>((resolve) =>
      readline.createInterface({ input: child.stdout! }).once('line', (l) => resolve(Number(l))),
    );
    const url = `ws://127.0.0.1:${port}`;
    const open = (ws: WebSocket) => new Promise((r) => ws.once('open', r));
    const listeners: WebSocket[] = [];
    for (let i = 0; i < clients; i += 50) {
      const batch = Array.from({ length: Math.min(50, clients - i) }, () => new WebSocket(url));
      await Promise.all(batch.map(open));
      listeners.push(...batch);
    }
    const sender = new WebSocket(url);
    await open(sender);
    const samples: number[] = [];
    const cpuBefore = cpuMsOf(child.pid!);
    for (let r = 0; r < rounds; r++) {
      const marker = `round-${r}-`;
      const payload = marker + 'x'.repeat(payloadBytes);
      let got = 0;
      const done = new Promise<void>((resolve) => {
        for (const ws of listeners)
          ws.once('message', (m: Buffer) => {
            if (m.includes(marker)) samples.push(performance.now() - t0);
            if (++got === listeners.length) resolve();
          });
      });
      const t0 = performance.now();
      sender.send(payload);
      await done;
      await new Promise((res) => setTimeout(res, 20));
    }
    const cpuUsPerDelivery = ((cpuMsOf(child.pid!) - cpuBefore) * 1000) / samples.length;
    for (const ws of [...listeners, sender]) ws.terminate();
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 50)!, p99: percentile(samples, 99)!, cpuUsPerDelivery };
  } finally {
    child.kill('SIGKILL');
  }
}
