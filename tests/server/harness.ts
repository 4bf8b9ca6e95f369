import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { createTRPCClient, createWSClient, httpLink, TRPCClientError, wsLink } from '@trpc/client';
import { startServer } from '../../server/app.ts';
import type { RunningServer } from '../../server/app.ts';
import type { ListenOptions } from '../../server/http-server.ts';
import type { StoreOptions } from '../../server/db/connect.ts';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import { addDepartment, addMember, initOrg } from '../../server/cli-admin.ts';
import type { Department, Role } from '../../shared/domain/schemas/index.ts';

/**
 * The server suite runs on real databases: an SQLite file in a temp directory by default, or
 * PostgreSQL at TEST_DATABASE_URL when SWITCHBOARD_TEST_BACKEND=postgres (`npm run test:pg`),
 * each server in a schema of its own.
 */
export const backend = process.env.SWITCHBOARD_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
const pgUrl = process.env.TEST_DATABASE_URL;
export const skipReason =
  backend === 'postgres' && !pgUrl
    ? 'PostgreSQL suite SKIPPED: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)'
    : null;
if (skipReason) console.warn(skipReason);

export interface FreshStore {
  options: StoreOptions;
  drop(): Promise<void>;
}

export async function freshStore(): Promise<FreshStore> {
  if (backend === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
    return {
      options: { dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `sb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(pgUrl!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    options: { databaseUrl: url.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export type Client = ReturnType<typeof httpClient>;

export function httpClient(port: number, token: string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `http://127.0.0.1:${port}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

/** A client like the extension's background: everything over one WebSocket. */
export function wsClient(port: number, token: string) {
  const ws = createWSClient({
    url: `ws://127.0.0.1:${port}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: () => ({ token }),
    retryDelayMs: () => 100,
  });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] });
  return { client, close: () => ws.close() };
}

export interface TestOrg {
  orgId: string;
  admin: Client;
  departments: Record<string, Department>;
  /** Adds a member and returns a client signed in as them. */
  member(
    name: string,
    role: Role,
    departments: string[],
  ): Promise<{ id: string; token: string; client: Client }>;
}

export interface TestServer {
  server: RunningServer;
  port: number;
  /** Its database, for a second instance on the same one (PostgreSQL). */
  storeOptions: StoreOptions;
  org(name: string, departments?: string[]): Promise<TestOrg>;
  /** Stops the server (sockets closed, database closed); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A server on a fresh database; `options` for what a test sets itself (limits, for one). */
export async function startTestServer(options: Partial<ListenOptions> = {}): Promise<TestServer> {
  const store = await freshStore();
  let server = await startServer({ sweepMs: 200, ...options, ...store.options, port: 0 });
  let running = true;
  const { port } = server;
  return {
    get server() {
      return server;
    },
    port,
    storeOptions: store.options,
    async stop() {
      running = false;
      await server.close();
    },
    async start() {
      server = await startServer({ sweepMs: 200, ...options, ...store.options, port });
      running = true;
    },
    async org(name, departments = ['Support', 'Sales']) {
      const made = await initOrg(server.deps, name, `${name} Admin`);
      const depts: Record<string, Department> = {};
      for (const d of departments)
        depts[d] = (await addDepartment(server.deps, { org: made.org.id, name: d })).department;
      return {
        orgId: made.org.id,
        admin: httpClient(port, made.token),
        departments: depts,
        async member(memberName, role, inDepartments) {
          const { member, token } = await addMember(server.deps, {
            org: made.org.id,
            name: memberName,
            role,
            departments: inDepartments,
          });
          return { id: member.id, token, client: httpClient(port, token) };
        },
      };
    },
    async close() {
      if (running) await server.close();
      await store.drop();
    },
  };
}

let postCounter = 0;
/** A PostRef as an adapter would read it; unique unless `id` is given. */
export function post(text = 'Is anyone there? My order never arrived', id?: string) {
  const nativeId = id ?? String(1_800_000_000_000_000_000n + BigInt(++postCounter * 7919));
  return {
    key: `x:${nativeId}`,
    platform: 'x' as const,
    nativeId,
    url: `https://x.com/someone/status/${nativeId}`,
    author: { handle: 'someone', name: 'Some One' },
    text,
  };
}

/** The tRPC error code a call was refused with (e.g. 'CONFLICT'), or 'OK'. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCClientError)
      return (e.data as { code?: string } | undefined)?.code ?? 'ERROR';
    throw e;
  }
}

export async function errorOf(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCClientError) return e as TRPCClientError<AppRouter>;
    throw e;
  }
  throw new Error('expected the call to fail');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
