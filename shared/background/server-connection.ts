import type { Member } from '../domain/schemas/org.ts';
import type { BackgroundContext } from './background-context.ts';
import { backoffMs, errorMessage, openServerLink, serverCode } from './server-link.ts';
import type { ServerClient, ServerLink } from './server-link.ts';
import type { Settings } from './settings.ts';

export interface ConnectionEvents {
  /** Signed in on a fresh connection (also after each reconnect). */
  online(client: ServerClient): Promise<void>;
  /** Stopped for good (sign-out, another server): end what belongs to this connection. */
  stopped(): void;
}

/**
 * The connection's lifecycle: start from what the cache remembers (the overlay paints at once),
 * open the one WebSocket, sign in on every (re)connect and refresh who I am and the org's
 * departments and members, go offline when it drops.
 */
export class ServerConnection {
  private link: ServerLink | null = null;
  /** Signing in again on an open socket after the server could not answer (see opened). */
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: BackgroundContext,
    private readonly on: ConnectionEvents,
  ) {}

  /** Starts (or restarts) the session for these settings; null signs out. */
  async start(settings: Settings | null) {
    const { db, session } = this.ctx;
    this.stop();
    if (!settings) return session.set({ connection: 'signed-out', me: null, error: undefined });
    const [me, departments, members] = await Promise.all([
      db.getMeta<Member>('me'),
      db.departments.toArray(),
      db.members.toArray(),
    ]);
    session.set({
      connection: 'connecting',
      me: me ?? null,
      departments,
      members,
      serverUrl: settings.serverUrl,
      orgName: await db.getMeta<string>('orgName'),
    });
    await session.countPending();
    await db.forgetOldAlerts(this.ctx.now());
    const link = openServerLink(settings.serverUrl, settings.token, {
      open: () => void this.opened(link),
      close: (cause) => {
        this.stopRetry(); // the next open signs in again
        this.ctx.setClient(null);
        if (session.get().connection !== 'signed-out')
          session.set({ connection: 'offline', error: `server unreachable: ${cause}` });
      },
    });
    this.link = link;
  }

  stop() {
    this.stopRetry();
    this.on.stopped();
    this.link?.close();
    this.link = null;
    this.ctx.setClient(null);
  }

  private stopRetry() {
    clearTimeout(this.retry);
    this.retry = undefined;
  }

  private async opened(link: ServerLink, attempt = 0) {
    const { db, session } = this.ctx;
    this.stopRetry();
    const { client } = link;
    try {
      const who = await client.auth.whoami.query();
      const [departments, members] = await Promise.all([
        client.departments.list.query(),
        client.members.list.query(),
      ]);
      if (this.link !== link) return; // stopped meanwhile
      await db.transaction('rw', db.meta, db.departments, db.members, async () => {
        await db.setMeta('me', who.member);
        await db.setMeta('orgName', who.org.name);
        await db.departments.clear();
        await db.departments.bulkPut(departments);
        await db.members.clear();
        await db.members.bulkPut(members);
      });
      this.ctx.setClient(client);
      session.set({
        connection: 'online',
        me: who.member,
        departments,
        members,
        orgName: who.org.name,
        error: undefined,
      });
    } catch (e) {
      if (this.link !== link) return;
      const refused = serverCode(e) === 'UNAUTHORIZED';
      session.set({
        connection: refused ? 'signed-out' : 'offline',
        error: refused ? 'the server refused this sign-in token' : errorMessage(e),
      });
      if (refused) this.stop();
      // The server answered but could not serve (its database away, too busy): the socket stays
      // open, so sign in again on it, later and later, rather than stay offline until it closes.
      // (Not reached at all: the socket closed, and its next open signs in.)
      else if (serverCode(e))
        this.retry = setTimeout(() => {
          if (this.link === link) void this.opened(link, attempt + 1);
        }, backoffMs(attempt));
      return;
    }
    await this.on.online(client);
  }
}
