import type { SyncEvent } from '../../shared/domain/schemas/index.ts';

/** What a stream may show its member, and when it must look again (services/stream-viewer.ts). */
export interface StreamViewer {
  /** The event as the member may see it now (the same object when whole). */
  view(event: SyncEvent): SyncEvent;
  /** This event may change what the member may see: the stream holds it until recheck settles. */
  concerns(event: SyncEvent): boolean;
  /** Reads the member's access again; rejects to end the stream with that error. */
  recheck(): Promise<void>;
}

/**
 * Stands between the fan-out and one stream: hands on each event as the viewer shows it, and at
 * an event that concerns the member holds it and everything after it (in order) until the
 * viewer has looked again; then goes on, or ends the stream.
 */
export class ViewerGate {
  private held: SyncEvent[] | null = null;

  constructor(
    private readonly viewer: StreamViewer,
    /** Sends events on (in id order); false when the stream is gone. */
    private readonly deliver: (events: readonly SyncEvent[]) => boolean,
    private readonly end: (error?: unknown) => void,
  ) {}

  /** The fan-out's events, in order; false when the stream is gone. */
  offer(events: readonly SyncEvent[]): boolean {
    if (this.held) {
      this.held.push(...events);
      return true;
    }
    return this.pass(events);
  }

  private pass(events: readonly SyncEvent[]): boolean {
    const shown: SyncEvent[] = [];
    for (const [i, event] of events.entries()) {
      if (this.viewer.concerns(event)) {
        if (shown.length && !this.deliver(shown)) return false;
        this.hold(events.slice(i));
        return true;
      }
      shown.push(this.viewer.view(event));
    }
    return shown.length === 0 || this.deliver(shown);
  }

  private hold(events: SyncEvent[]): void {
    this.held = events;
    this.viewer.recheck().then(
      () => {
        const held = this.held ?? [];
        this.held = null;
        // The event that asked for the check is shown now, to the member as they are now.
        const [change, ...rest] = held;
        if (change && !this.deliver([this.viewer.view(change)])) return this.end();
        if (rest.length && !this.pass(rest)) this.end();
      },
      (error: unknown) => {
        this.held = [];
        this.end(error);
      },
    );
  }
}
