import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Store } from '../db/connect.ts';
import { dbNow } from '../db/clock.ts';
import { newId } from './ids.ts';
import { createMember } from './members.ts';
import type { Member, Org } from '../../shared/domain/schemas/index.ts';

export async function listOrgs(db: Kysely<Database>): Promise<Org[]> {
  return db.selectFrom('orgs').select(['id', 'name']).orderBy('created_at').execute();
}

/** Creates an organisation and its first admin; the admin's token is returned once. */
export async function createOrg(
  store: Store,
  name: string,
  adminName: string,
): Promise<{ org: Org; admin: Member; token: string }> {
  return store.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ now: number }>`select ${dbNow(store.dialect)} as now`.execute(trx);
    const now = Number(rows[0]!.now);
    const org = { id: newId(), name };
    await trx
      .insertInto('orgs')
      .values({ ...org, created_at: now })
      .execute();
    const { member, token } = await createMember(
      trx,
      org.id,
      { name: adminName, role: 'admin', departmentIds: [] },
      now,
    );
    return { org, admin: member, token };
  });
}
