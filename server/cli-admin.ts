import { pickOrg } from './cli-org.ts';
import { createOrg, listOrgs } from './services/orgs.ts';
import { createMember } from './services/members.ts';
import { createDepartment, resolveDepartmentIds } from './services/departments.ts';
import type { ServerDeps } from './services/deps.ts';
import { runWrite, systemScope } from './services/write.ts';
import type { Department, Member, Org, Role } from '../shared/domain/schemas/index.ts';

/**
 * The administrative commands of the CLI, as plain functions over an open database. They write
 * through runWrite like every procedure, as the server itself (no member).
 */

export async function initOrg(deps: ServerDeps, name: string, adminName: string) {
  const existing = (await listOrgs(deps.store.db)).find(
    (o) => o.name.toLowerCase() === name.toLowerCase(),
  );
  if (existing) throw new Error(`an organisation named ${name} exists already`);
  return createOrg(deps, name, adminName);
}

/** First start on an empty database: one organisation and its admin, whose token is shown once. */
export async function ensureFirstOrg(deps: ServerDeps) {
  if ((await listOrgs(deps.store.db)).length > 0) return null;
  return createOrg(deps, 'My organisation', 'Admin');
}

export async function addMember(
  deps: ServerDeps,
  opts: { org?: string; name: string; role: Role; departments: string[]; handle?: string },
): Promise<{ org: Org; member: Member; token: string }> {
  const org = await pickOrg(deps.store.db, opts.org);
  const departmentIds = await resolveDepartmentIds(deps.store.db, org.id, opts.departments);
  const { member, token } = await runWrite(deps, systemScope(org.id), ({ trx, now }) =>
    createMember(
      trx,
      org.id,
      { name: opts.name, role: opts.role, departmentIds, handle: opts.handle },
      now,
    ),
  );
  return { org, member, token };
}

export async function addDepartment(
  deps: ServerDeps,
  opts: { org?: string; name: string; slaMinutes?: number; color?: string },
): Promise<{ org: Org; department: Department }> {
  const org = await pickOrg(deps.store.db, opts.org);
  const department = await runWrite(deps, systemScope(org.id), ({ trx, now }) =>
    createDepartment(trx, org.id, opts, now),
  );
  return { org, department };
}
