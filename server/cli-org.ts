import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { listOrgs } from './services/orgs.ts';
import type { Org } from '../shared/domain/schemas/index.ts';

/** The organisation a CLI command acts on: --org by name or id, or the only one there is. */
export async function pickOrg(db: Kysely<Database>, ref: string | undefined): Promise<Org> {
  const orgs = await listOrgs(db);
  if (ref) {
    const found = orgs.find((o) => o.id === ref || o.name.toLowerCase() === ref.toLowerCase());
    if (!found)
      throw new Error(
        `no organisation named ${ref} (have: ${orgs.map((o) => o.name).join(', ') || 'none'})`,
      );
    return found;
  }
  if (orgs.length === 0)
    throw new Error('no organisation yet: run `npm run cli -- init --org NAME` first');
  if (orgs.length > 1)
    throw new Error(
      `several organisations: pick one with --org (${orgs.map((o) => o.name).join(', ')})`,
    );
  return orgs[0]!;
}
