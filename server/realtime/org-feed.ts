import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { eventsAfter, latestEventId } from '../services/event-log.ts';
import type { SyncEvent } from '../../shared/domain/schemas/index.ts';

const KEEP = 2_000;
const PAGE = 500;

/**
 * The recent tail of one organisation's log, shared by every stream of that org in this process:
 * a wake costs one query however many members are connected. A stream that is further behind
 * than the tail reads the database itself.
 */
export class OrgFeed {
  private tail: SyncEvent[] = [];
  private lastId = -1;
  private refreshing: Promise<void> | null = null;
  private dirty = true;

  constructor(
    private db: Kysely<Database>,
    private orgId: string,
  ) {}

  markDirty(): void {
    this.dirty = true;
  }

  /** Single-flight: concurrent callers share one read. */
  refresh(): Promise<void> {
    if (!this.dirty && this.refreshing === null) return Promise.resolve();
    this.refreshing ??= this.read().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async read(): Promise<void> {
    if (this.lastId < 0) this.lastId = await latestEventId(this.db, this.orgId);
    while (this.dirty) {
      this.dirty = false;
      for (;;) {
        const page = await eventsAfter(this.db, this.orgId, this.lastId, PAGE).catch((e) => {
          this.dirty = true; // not read: the next refresh must read again
          throw e;
        });
        if (page.length === 0) break;
        this.tail.push(...page);
        this.lastId = page[page.length - 1]!.id;
        if (page.length < PAGE) break;
      }
      if (this.tail.length > KEEP) this.tail.splice(0, this.tail.length - KEEP);
    }
  }

  /** Events after `cursor`, or null when the tail no longer reaches back that far. */
  after(cursor: number): SyncEvent[] | null {
    if (cursor >= this.lastId) return [];
    const first = this.tail[0];
    if (!first || cursor < first.id - 1) return null;
    // Ids are increasing: binary search for the first id > cursor.
    let lo = 0;
    let hi = this.tail.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tail[mid]!.id <= cursor) lo = mid + 1;
      else hi = mid;
    }
    return this.tail.slice(lo);
  }

  get headId(): number {
    return this.lastId;
  }
}
