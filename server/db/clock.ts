import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { DialectName } from './connect.ts';

/**
 * The database's clock in epoch ms. Leases are judged by it, never by a client's or this
 * process's clock, so several server instances agree. PostgreSQL's clock_timestamp() is the
 * real time (now() is frozen at the start of a transaction).
 */
export function dbNow(dialect: DialectName): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
}
