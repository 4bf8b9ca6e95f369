import { streamEvents } from '../../realtime/event-stream.ts';
import type { StreamSocket } from '../../realtime/stream-socket.ts';
import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import { eventsAfter } from '../event-log.ts';

/** The org's events after `lastEventId` and then live, each yielded as tracked(id, event). */
export function stream(
  { deps, caller }: Call,
  input: { lastEventId?: string | number | null },
  signal: AbortSignal | undefined,
  socket: StreamSocket | null = null,
) {
  authorize(caller, 'events.stream');
  const last =
    input.lastEventId === undefined || input.lastEventId === null
      ? null
      : Number(input.lastEventId);
  return streamEvents(deps, caller.orgId, last, signal, socket);
}

/** A page of the log, for audit views and CSV export. */
export function list({ deps, caller }: Call, input: { afterId: number; limit: number }) {
  authorize(caller, 'events.list');
  return eventsAfter(deps.store.db, caller.orgId, input.afterId, input.limit);
}
