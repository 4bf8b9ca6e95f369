import { openStore } from './db/connect.ts';
import type { StoreOptions } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { EventBus } from './realtime/event-bus.ts';
import { listenForEvents } from './realtime/pg-listener.ts';
import { listen } from './http-server.ts';
import type { ListenOptions } from './http-server.ts';
import type { ListenerOptions } from './realtime/pg-listener.ts';
import type { ServerDeps } from './services/deps.ts';

/** Opens the database and brings its schema up to date; migrations run on every start. */
export async function openDeps(options: StoreOptions): Promise<ServerDeps> {
  const store = openStore(options);
  try {
    await migrateToLatest(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return { store, bus: new EventBus() };
}

export interface RunningServer {
  port: number;
  deps: ServerDeps;
  close(): Promise<void>;
}

/** The whole sync server: database, PostgreSQL fan-out when shared, HTTP + WebSocket. */
export async function startServer(
  options: StoreOptions & ListenOptions & { listener?: ListenerOptions },
): Promise<RunningServer> {
  const deps = await openDeps(options);
  const listener = options.databaseUrl
    ? listenForEvents(options.databaseUrl, deps.bus, deps.store.availability, options.listener)
    : null;
  const http = await listen(deps, options).catch(async (e: unknown) => {
    await listener?.close();
    await deps.store.close();
    throw e;
  });
  return {
    port: http.port,
    deps,
    async close() {
      await http.close();
      await listener?.close();
      await deps.store.close();
    },
  };
}
