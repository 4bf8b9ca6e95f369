/**
 * What a database error means for the caller, in words of our own: the database's own text (its
 * table, column and constraint names, the values it choked on) never reaches a client. Knows both
 * drivers' error shapes: better-sqlite3's `SqliteError` (`code: 'SQLITE_…'`) and pg's
 * `DatabaseError` (`code`: a SQLSTATE, with `table` and `constraint`).
 */
export interface DatabaseRefusal {
  code: 'CONFLICT' | 'BAD_REQUEST';
  message: string;
}

/** A unique constraint, by table: what two rows may not share, said to whoever sent the second. */
const uniqueMessages: Record<string, string> = {
  departments: 'a department with this name already exists',
  mutations: 'this client mutation id is being applied by another call: send it again',
  member_departments: 'a member belongs to each department once',
  threads: 'this post was registered by another call at the same moment: send it again',
  claims: 'this post’s claim changed at the same moment: try again',
  tokens: 'a token collided with another: issue it again',
  members: 'this member exists already',
  rules: 'this rule exists already',
  consults: 'this consult exists already',
  orgs: 'this organisation exists already',
  events: 'an event with this id was recorded already: send it again',
};

/** The fallback for a unique constraint of a table not named above (a test holds it unused). */
export const UNIQUE_FALLBACK = 'this conflicts with an existing record';

function tableOfSqliteConstraint(message: string): string | null {
  // "UNIQUE constraint failed: departments.org_id, departments.name"
  return /constraint failed: (\w+)\./.exec(message)?.[1] ?? null;
}

export function classifyDatabaseError(e: unknown): DatabaseRefusal | null {
  if (typeof e !== 'object' || e === null || !('code' in e)) return null;
  const { code } = e as { code: unknown };
  if (typeof code !== 'string') return null;
  const message = (e as { message?: unknown }).message;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const table = typeof message === 'string' ? tableOfSqliteConstraint(message) : null;
    return { code: 'CONFLICT', message: uniqueMessage(table) };
  }
  if (code === '23505') {
    const table = (e as { table?: unknown }).table;
    return { code: 'CONFLICT', message: uniqueMessage(typeof table === 'string' ? table : null) };
  }
  // SQLSTATE class 22 (data exception: out of range, bad encoding, NUL in text) and SQLite's
  // equivalents: a value the inputs' schemas should have refused; still the caller's value.
  if (/^22[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH')
    return { code: 'BAD_REQUEST', message: 'a value was out of range or not valid text' };
  return null;
}

function uniqueMessage(table: string | null): string {
  return (table && uniqueMessages[table]) ?? UNIQUE_FALLBACK;
}
