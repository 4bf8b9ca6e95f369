import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * How many single-row commits per second the database takes here, one after another, with the
 * server's durability settings: the ceiling of a design that commits each claim on its own
 * (SQLite WAL with synchronous=FULL: one fsync each; PostgreSQL: one round trip and WAL flush).
 */
export function sqliteCommitFloor(seconds = 1): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-floor-'));
  const db = new SQLite(path.join(dir, 'floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table t (k integer primary key, v integer)');
    const upsert = db.prepare(
      'insert into t (k, v) values (?, 1) on conflict (k) do update set v = v + 1',
    );
    const commit = db.transaction((k: number) => upsert.run(k));
    let n = 0;
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) commit(n++ % 1000);
    return Math.round(n / seconds);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function postgresCommitFloor(url: string, seconds = 1): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('create temporary table t (k integer primary key, v integer)');
    let n = 0;
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until)
      await c.query(
        'insert into t (k, v) values ($1, 1) on conflict (k) do update set v = t.v + 1',
        [n++ % 1000],
      );
    return Math.round(n / seconds);
  } finally {
    await c.end();
  }
}
