import type pg from 'pg';
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from 'kysely';

/** Starts a statement text that is never prepared by name (it changes from run to run). */
export const ONCE = '/* sb:once */';

/** Runs of the same text before it is prepared: one-off statements are not worth a name. */
const HOT_AFTER = 3;
/** Texts prepared at most: IN lists of every length would otherwise each get a name. */
const MAX_NAMES = 200;

/**
 * PostgreSQL parses and plans a statement sent without a name on every run; a named one is
 * parsed and planned once per connection, then only bound and run. The server's statements are
 * few and run all the time (a claim is two), so a text is prepared by name once it has run a few
 * times, and PostgreSQL's CPU goes to running them (it shares the machine's cores with us).
 * A table changed under a prepared statement by a newer instance's migration fails that
 * statement once ("cached plan must not change result type"), as with any prepared statement.
 */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  const runs = new Map<string, number>();
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    if (text.startsWith(ONCE)) return undefined;
    const name = names.get(text);
    if (name !== undefined || names.size >= MAX_NAMES) return name;
    const n = (runs.get(text) ?? 0) + 1;
    if (n < HOT_AFTER) {
      if (runs.size >= 10_000) runs.clear();
      runs.set(text, n);
      return undefined;
    }
    runs.delete(text);
    const made = `sb_${names.size + 1}`;
    names.set(text, made);
    return made;
  };
  return {
    async connect() {
      const client = await pool.connect();
      const query = (text: string | PostgresCursor<unknown>, parameters?: readonly unknown[]) => {
        if (typeof text !== 'string') return client.query(text as never);
        const values = [...(parameters ?? [])];
        const name = values.length > 0 ? nameFor(text) : undefined;
        return name ? client.query({ name, text, values }) : client.query(text, values);
      };
      return { query, release: () => client.release() } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
