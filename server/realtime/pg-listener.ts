import net from 'node:net';
import pg from 'pg';
import type { EventBus } from './event-bus.ts';
import { NOTIFY_CHANNEL } from '../db/dialect.ts';
import type { DatabaseAvailability } from '../db/availability.ts';

export interface ListenerOptions {
  /** How often the open connection is asked a trivial query to prove it still works. */
  heartbeatMs?: number;
  /** How long a connect or a heartbeat may take before the connection counts as lost. */
  timeoutMs?: number;
}

/**
 * Hears other instances' commits over LISTEN/NOTIFY and wakes local streams. NOTIFY is
 * at-most-once, so after any reconnect every org is woken: streams re-read the log after their
 * cursors and miss nothing. LISTEN needs a direct or session-pooled connection.
 *
 * The connection is the instance's probe of its database too: a heartbeat finds a connection
 * that died without a word (a partition, a failover: no error ever arrives, and a silent LISTEN
 * would miss every event from then on). A lost connection is replaced at once; when that fails
 * the database counts as unavailable (requests are refused at once) until a connection is made.
 */
export function listenForEvents(
  url: string,
  bus: EventBus,
  availability: DatabaseAvailability,
  { heartbeatMs = 2_000, timeoutMs = 5_000 }: ListenerOptions = {},
): { close(): Promise<void> } {
  let current: { client: pg.Client; socket: net.Socket } | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;

  const schedule = (fn: () => void, ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };

  const within = <T>(work: Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new NoAnswer(timeoutMs)), timeoutMs);
      work.then(resolve, reject).finally(() => clearTimeout(t));
    });

  const teardown = () => {
    const c = current;
    current = null;
    if (!c) return;
    c.client.removeAllListeners();
    c.client.on('error', () => undefined);
    c.socket.destroy();
  };

  const lost = (reason: unknown) => {
    if (closed) return;
    teardown();
    if (failures === 0) return schedule(() => void connect(), 0); // replaced at once
    if (availability.set(false))
      console.error(
        `database unreachable (${reason instanceof Error ? reason.message : String(reason)}): requests are refused until it is back`,
      );
    schedule(() => void connect(), Math.min(250 * 2 ** (failures - 1), 2_000));
  };

  const heartbeat = () =>
    schedule(() => {
      const c = current;
      if (!c) return;
      within(c.client.query('select 1')).then(
        () => c === current && heartbeat(),
        (e: unknown) => {
          if (c !== current) return;
          // Silence: replacing the connection would only wait as long again.
          if (e instanceof NoAnswer) failures++;
          lost(e);
        },
      );
    }, heartbeatMs);

  const connect = async () => {
    const socket = new net.Socket();
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      stream: () => socket,
      // Which instance holds it, in pg_stat_activity (a URL's own application_name wins).
      application_name: `switchboard listener ${process.pid}`,
    });
    const c = { client, socket };
    current = c;
    client.on('notification', (msg) => {
      try {
        const { orgId } = JSON.parse(msg.payload ?? '{}') as { orgId?: string };
        if (orgId) bus.wake(orgId);
      } catch {
        bus.wakeAll();
      }
    });
    client.on('error', (e) => c === current && lost(e));
    client.on('end', () => c === current && lost(new Error('connection ended')));
    try {
      await within(client.connect());
      await within(client.query(`LISTEN ${NOTIFY_CHANNEL}`));
    } catch (e) {
      if (c !== current) return;
      failures++;
      return lost(e);
    }
    if (c !== current) return;
    failures = 0;
    if (availability.set(true)) console.error('database reachable again');
    bus.wakeAll();
    heartbeat();
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = current;
      current = null;
      if (!c) return;
      c.client.removeAllListeners();
      c.client.on('error', () => undefined);
      // Ends the session politely when the database answers; never waits on one that does not.
      const ended = c.client.end().catch(() => undefined);
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 500).unref())]);
      c.socket.destroy();
    },
  };
}

class NoAnswer extends Error {
  constructor(ms: number) {
    super(`no answer from the database within ${ms} ms`);
  }
}
