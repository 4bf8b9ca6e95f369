import type { ServerDeps, Caller } from '../services/deps.ts';
import { callerForToken } from '../services/tokens.ts';
import type { StreamSocket } from '../realtime/stream-socket.ts';
import type { CallAdmission } from '../limits/admission.ts';

export interface Context {
  deps: ServerDeps;
  /** The bearer token as sent (WebSocket connectionParams.token or HTTP Authorization). */
  token: string | null;
  /** Resolves the token to a member, cached for a second: a revoked token is refused within it. */
  resolveCaller(): Promise<Caller | null>;
  /** The WebSocket the call came on, for event streams to write to directly; null over HTTP. */
  socket: StreamSocket | null;
  /** The rate limits its calls are admitted against; null in-process. */
  admit: CallAdmission | null;
}

// Revoking a token reaches requests within this; open streams end at once (stream-viewer.ts).
const TTL_MS = 1_000;
const cache = new WeakMap<
  ServerDeps,
  Map<string, { at: number; caller: Promise<Caller | null> }>
>();

export function createContext(
  deps: ServerDeps,
  token: string | null,
  socket: StreamSocket | null = null,
  admit: CallAdmission | null = null,
): Context {
  return {
    deps,
    token,
    socket,
    admit,
    resolveCaller() {
      if (!token) return Promise.resolve(null);
      let byToken = cache.get(deps);
      if (!byToken) cache.set(deps, (byToken = new Map()));
      const hit = byToken.get(token);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.caller;
      if (byToken.size > 10_000) byToken.clear();
      const caller = callerForToken(deps.store.db, token);
      const entry = { at: Date.now(), caller };
      byToken.set(token, entry);
      // A lookup that failed (the database away) is not an answer to keep.
      caller.catch(() => byToken.get(token) === entry && byToken.delete(token));
      return caller;
    },
  };
}
