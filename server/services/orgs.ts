import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ServerDeps } from './deps.ts';
import { newId } from './ids.ts';
import { createMember } from './members.ts';
import { runWrite, systemScope } from './write.ts';
import type { Member, Org } from '../../shared/domain/schemas/index.ts';

export async function listOrgs(db: Kysely<Database>): Promise<Org[]> {
  return db.selectFrom('orgs').select(['id', 'name']).orderBy('created_at').execute();
}

export async function getOrg(db: Kysely<Database>, id: string): Promise<Org> {
  const org = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: `no organisation ${id}` });
  return org;
}

/** Creates an organisation and its first admin; the admin's token is returned once. */
export async function createOrg(
  deps: ServerDeps,
  name: string,
  adminName: string,
): Promise<{ org: Org; admin: Member; token: string }> {
  const org = { id: newId(), name };
  return runWrite(deps, systemScope(org.id), async ({ trx, now }) => {
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
