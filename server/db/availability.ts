/**
 * Whether this instance can reach its database, and which failures mean it cannot. The
 * PostgreSQL listener (realtime/pg-listener.ts) holds one connection open at all times and
 * probes it, so it is the one that says when the database went away and when it came back;
 * requests consult the state to fail at once instead of waiting on connections that cannot be
 * made. SQLite is a file in the process: always available.
 */
export class DatabaseAvailability {
  private down = false;
  private listeners = new Set<(up: boolean) => void>();

  get isUp(): boolean {
    return !this.down;
  }

  /** Returns true when this changed the state. */
  set(up: boolean): boolean {
    if (this.down === !up) return false;
    this.down = !up;
    for (const listener of this.listeners) listener(up);
    return true;
  }

  onChange(listener: (up: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** What a client is told; the driver's own text (host names, addresses) stays in the server log. */
export const UNAVAILABLE_MESSAGE = {
  /** Refused before it touched anything. */
  before:
    'database unavailable: the server cannot reach its database right now; nothing was changed, try again shortly',
  /** Lost on the way: a write may have been committed or not (its mutation id makes a retry safe). */
  during:
    'database unavailable: the server lost its database during this request; try again shortly (a write retried with the same clientMutationId is applied once)',
};

/** Thrown by a request that meets a database known to be away; it touches nothing. */
export class DatabaseUnavailableError extends Error {
  constructor() {
    super(UNAVAILABLE_MESSAGE.before);
    this.name = 'DatabaseUnavailableError';
  }
}

// Socket errors of Node and the messages node-postgres gives a connection that ended or could not
// be made (it has no codes for them).
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const DRIVER_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Query read timeout/i;
// SQLSTATE: class 08 connection exceptions; 57P01-03 the server shutting down, crashed or starting.
const SQLSTATE = /^(08...|57P0[123])$/;

/** True for failures that mean "the database cannot be reached", false for every other error. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    if (typeof e !== 'object') return false;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
