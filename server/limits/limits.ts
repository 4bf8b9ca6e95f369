/**
 * What one client may ask of a server instance (issue 10): calls per batch, calls a second per
 * connection and per token, open WebSocket connections per token. Set by `serve` flags or the
 * environment (README, Configuration); a rate of 0 turns that limit off.
 */
export interface Limits {
  /** Calls in one HTTP batch or one WebSocket frame. */
  batch: number;
  /** Calls a second on one connection (WebSocket, or HTTP keep-alive socket). */
  perConnection: number;
  /** Calls a second by one token, over all its connections to this instance. Admins are exempt. */
  perToken: number;
  /** Open WebSocket connections of one token to this instance. */
  connectionsPerToken: number;
}

export const DEFAULT_LIMITS: Limits = {
  batch: 50,
  perConnection: 200,
  perToken: 400,
  connectionsPerToken: 20,
};

/** A rate's burst: two seconds' worth, so a page's first lookups never wait. */
export const burstOf = (rate: number) => rate * 2;

const fromEnv: Record<keyof Limits, string> = {
  batch: 'SWITCHBOARD_MAX_BATCH',
  perConnection: 'SWITCHBOARD_RATE_PER_CONNECTION',
  perToken: 'SWITCHBOARD_RATE_PER_TOKEN',
  connectionsPerToken: 'SWITCHBOARD_CONNECTIONS_PER_TOKEN',
};

/** The limits in `env` (unset: the default), each a whole number; a bad one is an error. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(fromEnv) as (keyof Limits)[]) {
    const raw = env[fromEnv[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${fromEnv[key]} must be a whole number`);
    limits[key] = n;
  }
  if (limits.batch < 1) throw new Error(`${fromEnv.batch} must be at least 1`);
  return limits;
}
