import type { Role } from '../../shared/domain/schemas/index.ts';
import { burstOf } from './limits.ts';
import type { Limits } from './limits.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * Admits calls and connections against the limits, in memory (one instance's share; nothing is
 * read from the database for it: it sits on every call's path). A refusal is the sentence the
 * caller is told with TOO_MANY_REQUESTS; null admits.
 */
export class Admission {
  private readonly tokenBuckets = new Map<string, TokenBucket>();
  private readonly connections = new Map<string, number>();

  constructor(readonly limits: Limits) {}

  /** One connection's calls: its own bucket (none when the rate is off). */
  connectionRate(): ConnectionRate {
    const { perConnection } = this.limits;
    const bucket =
      perConnection > 0 ? new TokenBucket(perConnection, burstOf(perConnection)) : null;
    return () =>
      bucket && !bucket.take()
        ? `too many calls on this connection (at most ${perConnection} a second): slow down`
        : null;
  }

  /** A signed-in call, against its token's share; admins (provisioning scripts) are exempt. */
  tokenCall(token: string, role: Role): string | null {
    const { perToken } = this.limits;
    if (perToken === 0 || role === 'admin') return null;
    let bucket = this.tokenBuckets.get(token);
    if (!bucket) {
      if (this.tokenBuckets.size >= 10_000) this.forgetIdleBuckets();
      this.tokenBuckets.set(token, (bucket = new TokenBucket(perToken, burstOf(perToken))));
    }
    return bucket.take()
      ? null
      : `too many calls with this sign-in token (at most ${perToken} a second over all its connections): slow down`;
  }

  /** A WebSocket connection signing in with `token`: a release for when it closes, or a refusal. */
  openConnection(token: string): { release(): void } | string {
    const open = this.connections.get(token) ?? 0;
    const max = this.limits.connectionsPerToken;
    if (max > 0 && open >= max)
      return `too many connections with this sign-in token (at most ${max} at once): close another`;
    this.connections.set(token, open + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const left = (this.connections.get(token) ?? 1) - 1;
        if (left > 0) this.connections.set(token, left);
        else this.connections.delete(token);
      },
    };
  }

  private forgetIdleBuckets() {
    for (const [token, bucket] of this.tokenBuckets)
      if (bucket.isFull()) this.tokenBuckets.delete(token);
  }
}

/** Admits one call on a connection, or says why not. */
export type ConnectionRate = () => string | null;

/** The limits one transport's call is admitted against (absent in-process: tests, scripts). */
export interface CallAdmission {
  /** Any call, on its connection; a refusal or null. */
  call: ConnectionRate;
  /** A signed-in call, against its token; a refusal or null. */
  signedIn(token: string, role: Role): string | null;
}

/** The admission of the calls on one connection. */
export function connectionAdmission(admission: Admission): CallAdmission {
  return {
    call: admission.connectionRate(),
    signedIn: (token, role) => admission.tokenCall(token, role),
  };
}
