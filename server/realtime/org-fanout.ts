import type { ServerDeps } from '../services/deps.ts';
import { eventsAfter } from '../services/event-log.ts';
import type { SyncEvent } from '../../shared/domain/schemas/index.ts';
import { OrgFeed } from './org-feed.ts';
import { FrameCache } from './stream-frames.ts';
import { isDatabaseUnavailable } from '../db/availability.ts';

const PAGE = 500;

/** One open event stream as the fan-out sees it. */
export interface StreamSink {
  /** The id of the last event it has; it is given only events after it. */
  cursor: number;
  /** Written straight to a WebSocket (stream-socket.ts), rather than yielded through tRPC. */
  readonly direct: boolean;
  /** Takes the next events, in id order, at once (no awaiting); false to be dropped. */
  take(events: readonly SyncEvent[], frames: FrameCache): boolean;
  /** Ends the stream, with an error to send to its client when there is one. */
  end(error?: unknown): void;
}

/**
 * Every open event stream of one organisation in this process. A commit's wake costs one read of
 * the log (OrgFeed, shared), then each stream is handed the events after its own cursor in one
 * synchronous pass, so each is sent once and in id order; the JSON and the frames of that pass
 * are made once for all (FrameCache). A stream that starts behind the feed's tail, or falls behind
 * it, catches up from the database on its own before it is handed live events again.
 */
export class OrgFanout {
  private sinks = new Set<StreamSink>();
  private catchingUp = new Set<StreamSink>();
  private feed: OrgFeed;

  constructor(
    private deps: ServerDeps,
    private orgId: string,
  ) {
    this.feed = new OrgFeed(deps.store.db, orgId);
    deps.bus.subscribe(orgId, () => this.wake());
  }

  /**
   * Adds a stream that has every event up to `lastEventId` (null: up to now); it is handed every
   * later event once, in order. Resolves once it has been given the backlog.
   */
  async join(sink: StreamSink, lastEventId: number | null): Promise<void> {
    await this.feed.refresh();
    // A cursor past the head means the log was reset under the client: start from the head.
    sink.cursor = Math.min(lastEventId ?? this.feed.headId, this.feed.headId);
    this.sinks.add(sink);
    await this.catchUp(sink);
  }

  leave(sink: StreamSink): void {
    this.sinks.delete(sink);
    this.catchingUp.delete(sink);
  }

  /** How many streams are open, and how many of them are written to their sockets directly. */
  get counts(): { streams: number; direct: number } {
    let direct = 0;
    for (const sink of this.sinks) if (sink.direct) direct++;
    return { streams: this.sinks.size, direct };
  }

  private wake(): void {
    this.feed.markDirty();
    this.feed.refresh().then(
      () => this.deliverAll(),
      // The streams keep their cursors: the next wake reads what this one could not (the
      // listener wakes every stream once the database is back from an outage).
      (e: unknown) => {
        if (!isDatabaseUnavailable(e))
          console.error(`event fan-out for ${this.orgId} failed to read the log:`, e);
      },
    );
  }

  private deliverAll(): void {
    const frames = new FrameCache();
    const head = this.feed.headId;
    // Streams that keep up all sit at the same cursor: look their events up once.
    let cursor = -1;
    let events: SyncEvent[] | null = null;
    for (const sink of this.sinks) {
      if (sink.cursor >= head || this.catchingUp.has(sink)) continue;
      if (sink.cursor !== cursor) events = this.feed.after((cursor = sink.cursor));
      if (events) this.hand(sink, events, frames);
      else void this.catchUp(sink);
    }
  }

  private hand(sink: StreamSink, events: readonly SyncEvent[], frames: FrameCache): void {
    if (events.length === 0) return;
    if (sink.take(events, frames)) sink.cursor = events[events.length - 1]!.id;
    else this.leave(sink);
  }

  /** Reads the log after the stream's cursor until the feed's tail reaches back to it. */
  private async catchUp(sink: StreamSink): Promise<void> {
    if (this.catchingUp.has(sink)) return;
    this.catchingUp.add(sink);
    try {
      while (this.sinks.has(sink)) {
        const tail = this.feed.after(sink.cursor);
        if (tail) {
          this.catchingUp.delete(sink);
          this.hand(sink, tail, new FrameCache());
          return;
        }
        const page = await eventsAfter(this.deps.store.db, this.orgId, sink.cursor, PAGE);
        if (!this.sinks.has(sink) || page.length === 0) return;
        this.hand(sink, page, new FrameCache());
      }
    } catch (error) {
      this.leave(sink);
      sink.end(error);
    } finally {
      this.catchingUp.delete(sink);
    }
  }
}

const fanouts = new WeakMap<ServerDeps, Map<string, OrgFanout>>();

/** The fan-out of one organisation in this server (made on its first stream, kept after). */
export function fanoutFor(deps: ServerDeps, orgId: string): OrgFanout {
  let byOrg = fanouts.get(deps);
  if (!byOrg) fanouts.set(deps, (byOrg = new Map()));
  let fanout = byOrg.get(orgId);
  if (!fanout) byOrg.set(orgId, (fanout = new OrgFanout(deps, orgId)));
  return fanout;
}
