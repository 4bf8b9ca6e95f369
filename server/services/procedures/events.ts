import { streamEvents } from '../../realtime/event-stream.ts';
import type { StreamSocket } from '../../realtime/stream-socket.ts';
import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import { eventsAfter } from '../event-log.ts';
import { eventAsSeenBy, streamViewer } from '../stream-viewer.ts';

/** The org's events after `lastEventId` and then live, each yielded as tracked(id, event). */
export function stream(
  { deps, caller, token }: Call & { token: string | null },
  input: { lastEventId?: string | number | null },
  signal: AbortSignal | undefined,
  socket: StreamSocket | null = null,
) {
  authorize(caller, 'events.stream');
  const last =
    input.lastEventId === undefined || input.lastEventId === null
      ? null
      : Number(input.lastEventId);
  // A signed-in caller always came with a token; it is read again when their access changes.
  const viewer = streamViewer(deps, caller, token ?? '');
  return streamEvents(deps, caller.orgId, last, signal, socket, viewer);
}

/** A page of the log, for audit views and CSV export, as the caller may see it. */
export async function list({ deps, caller }: Call, input: { afterId: number; limit: number }) {
  authorize(caller, 'events.list');
  const events = await eventsAfter(deps.store.db, caller.orgId, input.afterId, input.limit);
  return events.map((e) => eventAsSeenBy(caller, e));
}
