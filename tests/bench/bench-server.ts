import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import type { StoreOptions } from '../../server/db/connect.ts';
import { httpClient } from '../server/harness.ts';
import { serveProcess } from '../server/serve-process.ts';
import type { ServerProcess } from '../server/serve-process.ts';

export type Backend = 'sqlite' | 'postgres';

/** PostgreSQL for the bench: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local one. */
export const benchPgUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: benchPgUrl, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** An empty database: an SQLite file in a temp folder, or a PostgreSQL schema of its own. */
export async function benchStore(backend: Backend) {
  if (backend === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
    return {
      options: { dataDir } as StoreOptions,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `sb_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: benchPgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(benchPgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    options: { databaseUrl: url.toString() } as StoreOptions,
    async drop() {
      const c = new pg.Client({ connectionString: benchPgUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** The server's resident memory in bytes (Linux /proc). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** CPU time the process has used so far (user + system), in ms (Linux /proc). */
export function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

export function wsClient(port: number, token: string) {
  const ws = createWSClient({
    url: `ws://127.0.0.1:${port}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: () => ({ token }),
  });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] });
  return { client, close: () => ws.close() };
}

export interface BenchOrg {
  server: ServerProcess;
  tokens: string[];
  memberIds: string[];
  admin: ReturnType<typeof httpClient>;
  close(): Promise<void>;
}

/**
 * A server process of its own (so the clients measured here do not share its event loop) on a
 * fresh database, with one department and `members` members in it.
 */
export async function benchOrg(backend: Backend, members: number): Promise<BenchOrg> {
  const store = await benchStore(backend);
  const server = await serveProcess(store.options);
  const admin = httpClient(server.port, server.adminToken);
  const support = await admin.departments.create.mutate({ name: 'Support' });
  const made = await Promise.all(
    Array.from({ length: members }, (_, i) =>
      admin.members.create.mutate({ name: `M${i}`, role: 'member', departmentIds: [support.id] }),
    ),
  );
  return {
    server,
    admin,
    tokens: made.map((m) => m.token),
    memberIds: made.map((m) => m.member.id),
    async close() {
      await server.stop();
      await store.drop();
    },
  };
}
