import type { Transaction } from 'kysely';
import type { Store } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import type { Actor } from '../../shared/domain/permissions.ts';

/** What every service needs: the store and the bus that wakes event streams after a commit. */
export interface ServerDeps {
  store: Store;
  bus: EventBus;
}

/** The signed-in member on whose behalf a service acts; every query is scoped to `orgId`. */
export interface Caller extends Actor {
  orgId: string;
  name: string;
  handle: string;
}

/** A procedure call as services see it: the server's parts and who is calling. */
export interface Call {
  deps: ServerDeps;
  caller: Caller;
}

export type Trx = Transaction<Database>;
