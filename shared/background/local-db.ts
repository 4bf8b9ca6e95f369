import Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { Department, Member } from '../domain/schemas/org.ts';
import type { Platform } from '../domain/schemas/post.ts';
import type { ThreadView } from '../domain/schemas/thread.ts';
import type { OverlayAction } from '../messaging/protocol.ts';

/** A cached thread + claim, as last confirmed by the server (or changed by a queued action). */
export interface CachedView extends ThreadView {
  postKey: string;
  /** The confirmed view a queued action changed, to roll back to if the server refuses it. */
  confirmed?: ThreadView;
  pending?: boolean;
}

export interface OutboxEntry {
  seq?: number;
  clientMutationId: string;
  action: OverlayAction;
  createdAt: number;
  /** The fencing token an answer was sent with, so its replay sends the same one. */
  token?: number;
}

/** A post some tab of this browser showed, and when it last did (PostLookup.preload). */
export interface SeenEntry {
  postKey: string;
  platform: Platform;
  at: number;
}

export interface MetaEntry {
  key: 'cursor' | 'me' | 'orgName';
  value: unknown;
}

/**
 * The background's IndexedDB: the overlay paints from here at once, the event cursor survives
 * the service worker being stopped, and the outbox survives being offline.
 */
export class LocalDb extends Dexie {
  views!: EntityTable<CachedView, 'postKey'>;
  members!: EntityTable<Member, 'id'>;
  departments!: EntityTable<Department, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  /** The posts tabs showed last, per site: a new tab gets their views at once. */
  seen!: EntityTable<SeenEntry, 'postKey'>;
  /** Alerts already shown in this browser (one toast per alert, whatever the tabs). */
  alerted!: EntityTable<{ id: string; at: number }, 'id'>;

  constructor(name = 'switchboard') {
    super(name);
    this.version(1).stores({
      // Indexed by claim holder: the lease keeper looks up my claims every few seconds.
      views: 'postKey, claim.holderId',
      members: 'id',
      departments: 'id',
      outbox: '++seq, clientMutationId',
      meta: 'key',
      alerted: 'id, at',
    });
    // Threads gained their note count and open consults: views cached before lack them, and
    // the cache is only a cache (the server sends every view again).
    this.version(2)
      .stores({ views: 'postKey, claim.holderId' })
      .upgrade((tx) => tx.table('views').clear());
    this.version(3).stores({ seen: 'postKey, at, [platform+at]' });
  }

  async getMeta<T>(key: MetaEntry['key']): Promise<T | undefined> {
    return (await this.meta.get(key))?.value as T | undefined;
  }

  setMeta(key: MetaEntry['key'], value: unknown) {
    return this.meta.put({ key, value });
  }

  /** Alerts remembered long enough to never repeat one; older ones are forgotten. */
  forgetOldAlerts(now: number) {
    return this.alerted
      .where('at')
      .below(now - 7 * 86_400_000)
      .delete();
  }

  /** Signing out or switching servers: nothing of the old session may leak into the new one. */
  async clearAll() {
    await Promise.all(this.tables.map((t) => t.clear()));
  }
}
