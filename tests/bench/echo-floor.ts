import type { Worker } from 'playwright-core';

/**
 * The floor under claim-to-lock: a raw WebSocket echo between an extension's background (its
 * service worker) and the echo at `url`, served by the server's process (propagation-server.ts);
 * one message at a time, so each sample is one round trip over the same loopback the claim and
 * its event take.
 */
export async function echoFloor(worker: Worker, url: string, rounds = 200): Promise<number[]> {
  // A string: tsx's name-keeping helpers do not exist inside the worker.
  return worker.evaluate<number[]>(`new Promise((resolve, reject) => {
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
}
