import { claimsBench } from './claims.bench.ts';
import { postgresReachable, benchPgUrl } from './bench-server.ts';
import { postgresCommitFloor, sqliteCommitFloor } from './commit-floor.ts';
import { fanoutBench, twoInstanceBench } from './fanout.bench.ts';
import { observeBench } from './observe.bench.ts';

/**
 * The server's figures of issue 11, each server a process of its own: claims answered per second
 * (64 members in flight, spread and contended) on SQLite and PostgreSQL with the databases'
 * single-commit floors, posts.observe of 200 unknown posts, and the fan-out to 1,000 subscribers
 * (one instance; two instances on PostgreSQL) beside a bare WebSocket broadcast.
 */
export async function serverScaleBench(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {
    sqlite_single_commits_per_second_floor: sqliteCommitFloor(),
    ...(await claimsBench('sqlite')),
    ...(await observeBench()),
    ...(await fanoutBench()),
  };
  if (await postgresReachable()) {
    Object.assign(
      figures,
      { postgres_single_commits_per_second_floor: await postgresCommitFloor(benchPgUrl) },
      await claimsBench('postgres'),
      await twoInstanceBench('postgres'),
    );
  } else console.error(`PostgreSQL at ${benchPgUrl} is not reachable: its figures are left out`);
  return figures;
}
