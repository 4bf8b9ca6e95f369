import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy of the test's own between a server and PostgreSQL, so a test can take the database
 * away from one instance without touching the shared PostgreSQL server that other tests use.
 * - `cut()`: every open connection is reset and new ones are refused (a crashed or restarting
 *   database, a dropped route).
 * - `blackhole()`: connections stay open but nothing passes either way, and new ones are accepted
 *   and never answered (a partition, a firewall dropping packets).
 * - `restore()`: new connections go through again (those cut or held stay dead, as after a real
 *   outage).
 */
export interface DbProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  url(url: string): string;
  cut(): void;
  blackhole(): void;
  restore(): void;
  /** Connections the proxy has accepted so far (each reconnect of the server counts). */
  readonly accepted: number;
  close(): Promise<void>;
}

export async function startDbProxy(target: { host: string; port: number }): Promise<DbProxy> {
  let mode: 'open' | 'cut' | 'blackhole' = 'open';
  let accepted = 0;
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket | null }>();

  const server = net.createServer((client) => {
    accepted++;
    const pair = { client, upstream: null as net.Socket | null };
    pairs.add(pair);
    client.on('close', () => {
      pairs.delete(pair);
      pair.upstream?.destroy();
    });
    client.on('error', () => undefined);
    if (mode === 'cut') return void client.resetAndDestroy();
    if (mode === 'blackhole') return void client.pause(); // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut() {
      mode = 'cut';
      for (const { client, upstream } of pairs) {
        upstream?.destroy();
        client.resetAndDestroy();
      }
    },
    blackhole() {
      mode = 'blackhole';
      for (const { client, upstream } of pairs) {
        // Data already read stays with the proxy; nothing more is read or written either way.
        client.unpipe();
        upstream?.unpipe();
        client.pause();
        upstream?.pause();
      }
    },
    restore() {
      mode = 'open';
    },
    get accepted() {
      return accepted;
    },
    async close() {
      for (const { client, upstream } of pairs) {
        upstream?.destroy();
        client.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
