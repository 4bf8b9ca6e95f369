import WebSocket from 'ws';
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import type { SyncEvent } from '../../shared/domain/schemas/index.ts';
import type { Client } from './harness.ts';
import { sleep } from './harness.ts';

/**
 * A member's WebSocket as the extension's background holds it: it reconnects by itself (to
 * whichever address `url` gives then, as behind a load balancer) and resumes its stream from the
 * last event it received (tRPC sends the last tracked id on resubscription).
 */
export function memberSocket(url: () => string, token: string) {
  const ws = createWSClient({
    url,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: () => ({ token }),
    retryDelayMs: () => 100,
  });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] });
  return { client, close: () => ws.close() };
}

export interface EventCollector {
  /** Every event received, in the order received (duplicates included, so a test sees them). */
  events: SyncEvent[];
  errors: unknown[];
  /** Waits until an event with id >= `id` has arrived (or throws after `tries` polls). */
  reach(id: number, tries?: number): Promise<void>;
  close(): void;
}

/** Subscribes to events.stream from `lastEventId` ('0': the whole log) and keeps what arrives. */
export function collectEvents(
  socket: ReturnType<typeof memberSocket>,
  lastEventId: string | null = '0',
): EventCollector {
  const events: SyncEvent[] = [];
  const errors: unknown[] = [];
  const sub = socket.client.events.stream.subscribe(
    { lastEventId },
    { onData: (t) => events.push(t.data), onError: (e) => errors.push(e) },
  );
  return {
    events,
    errors,
    async reach(id, tries = 600) {
      for (let i = 0; i < tries && (events.at(-1)?.id ?? 0) < id; i++) await sleep(50);
      if ((events.at(-1)?.id ?? 0) < id)
        throw new Error(`stream stopped at event ${events.at(-1)?.id ?? 'none'}, wanted ${id}`);
    },
    close: () => sub.unsubscribe(),
  };
}

/** The whole log as `client` may read it, paged through events.list. */
export async function readLog(client: Client): Promise<SyncEvent[]> {
  const all: SyncEvent[] = [];
  for (let after = 0; ;) {
    const page = await client.events.list.query({ afterId: after, limit: 1000 });
    if (page.length === 0) return all;
    all.push(...page);
    after = page.at(-1)!.id;
  }
}

/** Ids of `received` compared with the log: what is missing, doubled or out of order. */
export function gapsAndDuplicates(received: SyncEvent[], log: SyncEvent[]) {
  const ids = received.map((e) => e.id);
  const seen = new Set(ids);
  return {
    missing: log.filter((e) => !seen.has(e.id)).map((e) => e.id),
    duplicated: ids.length - seen.size,
    outOfOrder: ids.filter((id, i) => i > 0 && id <= ids[i - 1]!).length,
  };
}
