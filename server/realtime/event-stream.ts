import { tracked } from '@trpc/server';
import type { ServerDeps } from '../services/deps.ts';
import type { SyncEvent } from '../../shared/domain/schemas/index.ts';
import { fanoutFor } from './org-fanout.ts';
import type { StreamSink } from './org-fanout.ts';
import type { StreamSocket } from './stream-socket.ts';
import { FrameCache } from './stream-frames.ts';
import { ViewerGate } from './viewer-gate.ts';
import type { StreamViewer } from './viewer-gate.ts';

/**
 * The org's events after `lastEventId`, then live, each once and in id order (OrgFanout keeps the
 * cursor). Without `lastEventId` it starts at the present.
 *
 * On a WebSocket (`socket`), the events are written to it as tRPC frames made once for all the
 * org's streams (stream-socket.ts), and this generator yields nothing: it only lives as long as
 * the subscription, so that tRPC still starts, stops and ends it. Elsewhere (HTTP, createCaller)
 * each event is yielded as tracked(id, event).
 *
 * `viewer` shows each event as the stream's member may see it, and ends the stream when their
 * access ends (viewer-gate.ts).
 */
export async function* streamEvents(
  deps: ServerDeps,
  orgId: string,
  lastEventId: number | null,
  signal: AbortSignal | undefined,
  socket: StreamSocket | null,
  viewer: StreamViewer,
) {
  // First, before any other await: tRPC names the subscription while this generator starts.
  const address = socket ? await socket.address() : null;
  const fanout = fanoutFor(deps, orgId);
  const queue: SyncEvent[] = [];
  let notify: (() => void) | null = null;
  let ended = false;
  let failure: unknown = null;
  const end = (error?: unknown) => {
    ended = true;
    failure = error ?? null;
    notify?.();
  };
  // The frames of the fan-out's pass; a pass the gate resumes after a re-check makes its own.
  let frames = new FrameCache();
  const gate = new ViewerGate(
    viewer,
    address && socket
      ? (events) => events.every((e) => socket.send(frames.frame(e, address)))
      : (events) => {
          queue.push(...events);
          notify?.();
          return true;
        },
    (error) => {
      frames = new FrameCache();
      end(error);
    },
  );
  const sink: StreamSink = {
    cursor: 0,
    direct: address !== null,
    take: (events, passFrames) => {
      frames = passFrames;
      const taken = gate.offer(events);
      frames = new FrameCache();
      return taken;
    },
    end,
  };
  const onAbort = () => end();
  signal?.addEventListener('abort', onAbort);
  const next = () => new Promise<void>((resolve) => (notify = resolve));
  try {
    if (signal?.aborted) return;
    await fanout.join(sink, lastEventId);
    while (!ended) {
      if (queue.length === 0) {
        await next();
        continue;
      }
      for (const event of queue.splice(0)) yield tracked(String(event.id), event);
    }
    if (failure) throw failure;
  } finally {
    fanout.leave(sink);
    signal?.removeEventListener('abort', onAbort);
  }
}
