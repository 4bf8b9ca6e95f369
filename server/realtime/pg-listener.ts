import pg from 'pg';
import type { EventBus } from './event-bus.ts';
import { NOTIFY_CHANNEL } from '../db/dialect.ts';

/**
 * Hears other instances' commits over LISTEN/NOTIFY and wakes local streams. NOTIFY is
 * at-most-once, so after any reconnect every org is woken: streams re-read the log after their
 * cursors and miss nothing. LISTEN needs a direct or session-pooled connection.
 */
export function listenForEvents(url: string, bus: EventBus): { close(): Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = 250;

  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', (msg) => {
      try {
        const { orgId } = JSON.parse(msg.payload ?? '{}') as { orgId?: string };
        if (orgId) bus.wake(orgId);
      } catch {
        bus.wakeAll();
      }
    });
    c.on('error', () => scheduleReconnect());
    c.on('end', () => scheduleReconnect());
    try {
      await c.connect();
      await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
      delay = 250;
      bus.wakeAll();
    } catch {
      scheduleReconnect();
    }
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    client?.removeAllListeners();
    client?.end().catch(() => undefined);
    client = null;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 10_000);
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      c?.removeAllListeners();
      await c?.end().catch(() => undefined);
    },
  };
}
