import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Store } from './connect.ts';
import { migrationSchema } from './dialect.ts';
import type { DialectName } from './dialect.ts';
import * as initial from './migrations/0001-initial.ts';
import * as notesConsults from './migrations/0002-notes-consults.ts';
import * as repliesWatchPhrases from './migrations/0003-replies-watch-phrases.ts';

type DialectMigration = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> };

// Listed here rather than read from a folder, so the bundle and tsx agree on what exists.
const migrations: Record<string, DialectMigration> = {
  '0001-initial': initial,
  '0002-notes-consults': notesConsults,
  '0003-replies-watch-phrases': repliesWatchPhrases,
};

class ListedMigrations implements MigrationProvider {
  constructor(private dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [
        name,
        { up: (db: Kysely<unknown>) => m.up(db, this.dialect) },
      ]),
    );
  }
}

/** Brings the schema up to date; runs on every start. */
export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = new Migrator({
    db: store.db,
    provider: new ListedMigrations(store.dialect),
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    migrationTableSchema: await migrationSchema(store.db, store.dialect),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
