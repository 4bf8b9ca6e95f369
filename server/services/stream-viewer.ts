import { TRPCError } from '@trpc/server';
import { seesWholeEvent, redactedEvent } from '../../shared/domain/event-visibility.ts';
import type { SyncEvent } from '../../shared/domain/schemas/index.ts';
import type { StreamViewer } from '../realtime/viewer-gate.ts';
import type { Caller, ServerDeps } from './deps.ts';
import { callerForToken } from './tokens.ts';

// One redacted copy per event, shared by every stream that gets it, so its JSON and frames are
// still made once (stream-frames.ts keys them by the event object).
const redacted = new WeakMap<SyncEvent, SyncEvent>();

function redactedCopy(event: SyncEvent): SyncEvent {
  let copy = redacted.get(event);
  if (!copy) redacted.set(event, (copy = redactedEvent(event)));
  return copy;
}

/** `event` as `caller` may see it (shared/domain/event-visibility.ts). */
export function eventAsSeenBy(caller: Caller, event: SyncEvent): SyncEvent {
  return seesWholeEvent(caller, event) ? event : redactedCopy(event);
}

/**
 * Who an open event stream shows events to, kept current: the stream pauses at each
 * `member.changed` event about its member and re-reads their token there (one read, only then).
 * A revoked token or a removed member ends the stream with UNAUTHORIZED before any later event;
 * a new role or department set applies from that event on. No timer: the change reaches every
 * instance's streams as the log does (NOTIFY, then the log read after each stream's cursor).
 */
export function streamViewer(deps: ServerDeps, caller: Caller, token: string): StreamViewer {
  let viewer = caller;
  return {
    view: (event) => eventAsSeenBy(viewer, event),
    concerns: (event) => event.type === 'member.changed' && event.data.memberId === viewer.id,
    async recheck() {
      const fresh = await callerForToken(deps.store.db, token);
      if (!fresh || fresh.orgId !== caller.orgId)
        throw new TRPCError({
          code: 'UNAUTHORIZED',
          message: 'this sign-in token was revoked, or its member removed: the stream has ended',
        });
      viewer = fresh;
    },
  };
}
