import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { DialectName } from './dialect.ts';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for messages: the SQLite file or the PostgreSQL URL without password. */
  location: string;
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
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
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
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    async close() {
      await db.destroy().catch(() => undefined);
      if (sqlite.open) {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        sqlite.close();
      }
    },
  };
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    location: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    async close() {
      await db.destroy();
    },
  };
}
