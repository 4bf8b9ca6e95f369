import fs from 'node:fs';
import pg from 'pg';
import { freshStore, httpClient } from './harness.ts';
import type { Client, FreshStore } from './harness.ts';
import { serveProcess } from './serve-process.ts';
import type { ServerProcess } from './serve-process.ts';

export interface Member {
  id: string;
  name: string;
  token: string;
  departmentId: string;
}

/**
 * Server processes sharing one PostgreSQL schema, as instances behind a load balancer would, and
 * a direct connection to that schema for what only the database can tell (backend pids, the
 * claims table, the mutations table).
 */
export interface Cluster {
  store: FreshStore;
  instances: ServerProcess[];
  admin: Client;
  db: pg.Client;
  /** Starts one more instance on the same database. */
  start(): Promise<ServerProcess>;
  department(name: string): Promise<string>;
  members(count: number, departmentId: string, role?: 'member' | 'lead'): Promise<Member[]>;
  /** The backend pid of an instance's LISTEN connection (null while it has none). */
  listenerPid(instance: ServerProcess): Promise<number | null>;
  /** Ends an instance with SIGKILL (its CPU time counted first). */
  kill(instance: ServerProcess): Promise<void>;
  /** CPU seconds (user + system) the instances have used so far, from /proc (0 elsewhere). */
  cpuSeconds(): number;
  close(): Promise<void>;
}

export async function startCluster(size: number): Promise<Cluster> {
  const store = await freshStore();
  const started: ServerProcess[] = [];
  const start = async () => {
    // No call rates: these members are machines racing each other as fast as they can, which
    // the per-connection and per-token limits would (rightly) slow down.
    const env = { SWITCHBOARD_RATE_PER_CONNECTION: '0', SWITCHBOARD_RATE_PER_TOKEN: '0' };
    const instance = await serveProcess(store.options, { bundled: true, env });
    started.push(instance);
    return instance;
  };
  const first = await start();
  const instances = [first, ...(await Promise.all(Array.from({ length: size - 1 }, start)))];
  const admin = httpClient(first.port, first.adminToken);
  const db = new pg.Client({ connectionString: store.options.databaseUrl });
  await db.connect();
  let n = 0;
  let killedCpu = 0;
  return {
    store,
    instances,
    admin,
    db,
    start,
    async department(name) {
      return (await admin.departments.create.mutate({ name })).id;
    },
    async members(count, departmentId, role = 'member') {
      return Promise.all(
        Array.from({ length: count }, async () => {
          const name = `${role === 'lead' ? 'Lead' : 'Member'} ${++n}`;
          const made = await admin.members.create.mutate({
            name,
            role,
            departmentIds: [departmentId],
          });
          return { id: made.member.id, name, token: made.token, departmentId };
        }),
      );
    },
    async listenerPid(instance) {
      const { rows } = await db.query<{ pid: number }>(
        'select pid from pg_stat_activity where application_name = $1',
        [`switchboard listener ${instance.child.pid}`],
      );
      return rows[0]?.pid ?? null;
    },
    async kill(instance) {
      killedCpu += processCpuSeconds(instance.child.pid);
      await instance.kill();
    },
    cpuSeconds: () =>
      killedCpu +
      started
        .filter((s) => s.child.exitCode === null && s.child.signalCode === null)
        .reduce((sum, s) => sum + processCpuSeconds(s.child.pid), 0),
    async close() {
      await Promise.all(started.map((s) => s.stop()));
      await db.end();
      await store.drop();
    },
  };
}

function processCpuSeconds(pid: number | undefined): number {
  try {
    // Fields 14 and 15 of /proc/PID/stat (after the command in parentheses): utime, stime.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks: 100 per second
  } catch {
    return 0;
  }
}
