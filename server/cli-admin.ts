import { sql } from 'kysely';
import type { Store } from './db/connect.ts';
import { dbNow } from './db/clock.ts';
import { pickOrg } from './cli-org.ts';
import { createOrg, listOrgs } from './services/orgs.ts';
import { createMember } from './services/members.ts';
import { createDepartment, resolveDepartmentIds } from './services/departments.ts';
import { createRule } from './services/rules.ts';
import type { Trx } from './services/deps.ts';
import type { Department, Member, Org, Role } from '../shared/domain/schemas/index.ts';

/** The administrative commands of the CLI, as plain functions over an open store. */

async function inTransaction<T>(store: Store, fn: (trx: Trx, now: number) => Promise<T>) {
  return store.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ now: number }>`select ${dbNow(store.dialect)} as now`.execute(trx);
    return fn(trx, Number(rows[0]!.now));
  });
}

export async function initOrg(store: Store, name: string, adminName: string) {
  const existing = (await listOrgs(store.db)).find(
    (o) => o.name.toLowerCase() === name.toLowerCase(),
  );
  if (existing) throw new Error(`an organisation named ${name} exists already`);
  return createOrg(store, name, adminName);
}

/** First start on an empty database: one organisation and its admin, whose token is shown once. */
export async function ensureFirstOrg(store: Store) {
  if ((await listOrgs(store.db)).length > 0) return null;
  return createOrg(store, 'My organisation', 'Admin');
}

export async function addMember(
  store: Store,
  opts: { org?: string; name: string; role: Role; departments: string[]; handle?: string },
): Promise<{ org: Org; member: Member; token: string }> {
  const org = await pickOrg(store.db, opts.org);
  const departmentIds = await resolveDepartmentIds(store.db, org.id, opts.departments);
  const { member, token } = await inTransaction(store, (trx, now) =>
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
  store: Store,
  opts: { org?: string; name: string; slaMinutes?: number; color?: string },
): Promise<{ org: Org; department: Department }> {
  const org = await pickOrg(store.db, opts.org);
  const department = await inTransaction(store, (trx, now) =>
    createDepartment(trx, org.id, opts, now),
  );
  return { org, department };
}

const DEMO_DEPARTMENTS = [
  { name: 'Support', slaMinutes: 30 },
  { name: 'Sales', slaMinutes: 60 },
  { name: 'Marketing', slaMinutes: 240 },
  { name: 'PR', slaMinutes: 120 },
  { name: 'HR', slaMinutes: 480 },
  { name: 'Product', slaMinutes: 240 },
  { name: 'Legal', slaMinutes: 480 },
];

const DEMO_MEMBERS = [
  { name: 'Ana Lima', role: 'member', departments: ['Support'] },
  { name: 'Sam Okafor', role: 'lead', departments: ['Support', 'Product'] },
  { name: 'Ben Weiss', role: 'member', departments: ['Sales'] },
  { name: 'Lea Martin', role: 'lead', departments: ['Sales', 'Marketing'] },
  { name: 'Joe Park', role: 'member', departments: ['PR', 'Marketing'] },
] as const;

/** A demo organisation: seven departments, five people, two routing rules; tokens printed. */
export async function seedDemo(store: Store, orgName = 'Demo Co') {
  const { org, admin, token } = await initOrg(store, orgName, 'Demo Admin');
  const departments = await inTransaction(store, async (trx, now) => {
    const made: Department[] = [];
    for (const d of DEMO_DEPARTMENTS) made.push(await createDepartment(trx, org.id, d, now));
    const id = (name: string) => made.find((d) => d.name === name)!.id;
    await createRule(
      trx,
      org.id,
      {
        name: 'Complaints and breakages go to Support',
        keywords: ['refund', 'broken', 'not working', 'help', 'support'],
        departmentId: id('Support'),
        mode: 'auto',
      },
      now,
    );
    await createRule(
      trx,
      org.id,
      {
        name: 'Buying questions to Sales',
        stage: 'pre-purchase',
        departmentId: id('Sales'),
        mode: 'suggest',
      },
      now,
    );
    return made;
  });
  const members = [{ member: admin, token }];
  for (const m of DEMO_MEMBERS) {
    const made = await addMember(store, {
      org: org.id,
      name: m.name,
      role: m.role,
      departments: [...m.departments],
    });
    members.push({ member: made.member, token: made.token });
  }
  return { org, departments, members };
}
