import type { SyncEvent } from '../../shared/domain/schemas/index.ts';

/** One grant of a lease as the log tells it: who, which token, from when until when. */
export interface Tenure {
  postKey: string;
  holderId: string;
  token: number;
  from: number;
  /** When it ended (released, expired, overridden, answered), or null while it lasts. */
  until: number | null;
  /** The lease's expiry, as last granted or renewed. */
  expiresAt: number;
  endedBy: string | null;
}

/**
 * Replays the claim events of the log (in id order, which is commit order: an org's writes hold
 * its lock) and returns every tenure, with each place where two holders would overlap: a grant
 * while a live lease is held by someone else, an end naming a holder who does not hold it, a
 * token that does not increase, an expiry announced twice or before its time.
 */
export function claimHistory(log: readonly SyncEvent[]) {
  const tenures: Tenure[] = [];
  const violations: string[] = [];
  const current = new Map<string, Tenure>();
  const lastToken = new Map<string, number>();
  const end = (t: Tenure, e: SyncEvent) => {
    t.until = e.at;
    t.endedBy = e.type;
    current.delete(t.postKey);
  };
  for (const e of log) {
    const key = e.postKey;
    if (!key) continue;
    const held = current.get(key);
    const at = `event ${e.id} (${e.type} on ${key})`;
    switch (e.type) {
      case 'claim.acquired': {
        const claim = e.claim!;
        // The previous holder's lease must have ended, or run out by the database's clock.
        if (held && held.holderId !== claim.holderId && held.expiresAt > e.at)
          violations.push(`${at}: granted to ${claim.holderId} while ${held.holderId} holds it`);
        if (held) end(held, e);
        if (claim.token <= (lastToken.get(key) ?? 0))
          violations.push(`${at}: token ${claim.token} does not increase`);
        lastToken.set(key, claim.token);
        const t: Tenure = {
          postKey: key,
          holderId: claim.holderId,
          token: claim.token,
          from: e.at,
          until: null,
          expiresAt: claim.expiresAt,
          endedBy: null,
        };
        tenures.push(t);
        current.set(key, t);
        break;
      }
      case 'claim.renewed':
        if (!held || held.holderId !== e.claim?.holderId || held.token !== e.claim.token)
          violations.push(`${at}: renews a lease its holder does not hold`);
        else held.expiresAt = e.claim.expiresAt;
        break;
      case 'claim.released':
        if (!held || held.holderId !== e.actorId)
          violations.push(`${at}: released by ${e.actorId}, who does not hold it`);
        else end(held, e);
        break;
      case 'claim.expired':
        if (!held || held.holderId !== e.data.holderId)
          violations.push(
            `${at}: announces an expiry of a lease not held (twice, or never granted)`,
          );
        else if (held.expiresAt > e.at) violations.push(`${at}: expired before its time`);
        else end(held, e);
        break;
      case 'claim.overridden':
        if (held) end(held, e);
        if (e.claim) {
          lastToken.set(key, e.claim.token);
          const t: Tenure = {
            postKey: key,
            holderId: e.claim.holderId,
            token: e.claim.token,
            from: e.at,
            until: null,
            expiresAt: e.claim.expiresAt,
            endedBy: null,
          };
          tenures.push(t);
          current.set(key, t);
        }
        break;
      case 'thread.answered':
      case 'thread.resolved':
      case 'thread.dismissed':
        if (held) end(held, e);
        break;
    }
  }
  // Successive tenures of a post never overlap in time (the database's clock).
  const byPost = new Map<string, Tenure[]>();
  for (const t of tenures) {
    const list = byPost.get(t.postKey);
    if (list) list.push(t);
    else byPost.set(t.postKey, [t]);
  }
  for (const [key, list] of byPost)
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const endOfPrev = Math.min(prev.until ?? Infinity, prev.expiresAt);
      if (list[i]!.from < endOfPrev)
        violations.push(`${key}: token ${list[i]!.token} granted before token ${prev.token} ended`);
    }
  return { tenures, current, violations };
}
