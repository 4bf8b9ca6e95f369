import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { DialectName, SqliteStatements } from './dialect.ts';
import { DatabaseAvailability } from './availability.ts';
import { withPreparedStatements } from './prepared-statements.ts';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for messages: the SQLite file or the PostgreSQL URL without password. */
  location: string;
  /** Whether the database can be reached (PostgreSQL; SQLite always can). */
  availability: DatabaseAvailability;
  /**
   * SQLite only: the connection's own prepared statements (cached by text), for the few bulk
   * writes that run a statement per row (dialect.ts, insertRows); null on PostgreSQL.
   */
  sqlite: SqliteStatements | null;
  /** Checkpoint the WAL (SQLite) and close every connection. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… ; when absent, an SQLite file in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
}

// int8 (bigint: event ids, epoch ms) arrives as a string by default; every value we store fits
// in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function openStore(options: StoreOptions): Store {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(options.dataDir ?? './data');
}

/**
 * Kysely prepares every query afresh; preparing costs more than running our small statements, so
 * prepared statements are kept by SQL text (safe: better-sqlite3 runs each one synchronously).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase & SqliteStatements {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size >= 1_000) cache.clear(); // bounded: queries with IN lists vary in text
        statement = sqlite.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

function openSqlite(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'switchboard.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged claim survives a crash and a power cut (DESIGN.md, Storage).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  return {
    db,
    dialect: 'sqlite',
    sqlite: statements,
    location: file,
    availability: new DatabaseAvailability(),
    async close() {
      await db.destroy().catch(() => undefined);
      if (sqlite.open) {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        sqlite.close();
      }
    },
  };
}

/**
 * Connections fail within seconds when the database cannot be reached, and an idle connection
 * the database drops is logged and replaced, never fatal (node-postgres emits it as an 'error'
 * event on the pool, which ends the process when nobody listens).
 */
const POOL = { max: 10, connectionTimeoutMillis: 3_000, idleTimeoutMillis: 30_000 } as const;

function openPostgres(url: string): Store {
  // The pool's sockets, so that when the database is found away (a partition: nothing answers,
  // nothing fails) the queries waiting on them fail at once instead of hanging.
  const sockets = new Set<net.Socket>();
  const pool = new pg.Pool({
    connectionString: url,
    ...POOL,
    application_name: 'switchboard',
    keepAlive: true,
    stream: () => {
      const socket = new net.Socket();
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      return socket;
    },
  });
  pool.on('error', (e) => console.error(`database connection lost (${e.message})`));
  // A connection checked out of the pool has no 'error' listener of the pool's; one that breaks
  // between two queries of a transaction must fail that transaction, not end the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const availability = new DatabaseAvailability();
  availability.onChange((up) => {
    if (!up) for (const socket of sockets) socket.destroy();
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
  });
  return {
    db,
    dialect: 'postgres',
    location: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    availability,
    sqlite: null,
    async close() {
      await db.destroy();
    },
  };
}
