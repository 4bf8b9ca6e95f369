import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Worker } from 'playwright-core';

/**
 * The floor under claim-to-lock: a raw WebSocket echo between an extension's background (its
 * service worker) and this process, the one the server runs in; one message at a time, so each
 * sample is one round trip over the same loopback the claim and its event take.
 */
export async function echoFloor(worker: Worker, rounds = 200): Promise<number[]> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (ws) => ws.on('message', (m, binary) => ws.send(m, { binary })));
  await new Promise((resolve) => wss.once('listening', resolve));
  try {
    const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    // A string: tsx's name-keeping helpers do not exist inside the worker.
    return await worker.evaluate<number[]>(`new Promise((resolve, reject) => {
      const ws = new WebSocket(${JSON.stringify(url)});
      const samples = [];
      let t0 = 0;
      const ping = () => { t0 = performance.now(); ws.send('ping ' + samples.length); };
      ws.onerror = () => reject(new Error('echo socket failed'));
      ws.onopen = ping;
      ws.onmessage = () => {
        samples.push(performance.now() - t0);
        if (samples.length < ${rounds + 20}) ping();
        else { ws.close(); resolve(samples.slice(20)); } // the first ones warm up
      };
    })`);
  } finally {
    for (const c of wss.clients) c.terminate();
    await new Promise((resolve) => wss.close(resolve));
  }
}
