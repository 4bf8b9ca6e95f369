import type { ServerDeps } from '../../../server/services/deps.ts';
import { addDepartment, addMember, initOrg } from '../../../server/cli-admin.ts';
import { appRouter } from '../../../server/trpc/app-router.ts';
import { createContext } from '../../../server/trpc/context.ts';
import { createCallerFactory } from '../../../server/trpc/init.ts';
import type { Actor } from '../../../shared/domain/permissions.ts';
import type { Role } from '../../../shared/domain/schemas/index.ts';
import { post } from '../harness.ts';

/**
 * The callers of the authorization matrix (issue 10), in its columns' order: no token, a revoked
 * token, a member of the post's department (Support), a member and a lead of another department
 * (Sales), a lead of the post's department, the admin, and a member and an admin of another
 * organisation.
 */
export const CALLERS = [
  'anonymous',
  'revoked',
  'member',
  'otherMember',
  'otherLead',
  'lead',
  'admin',
  'foreignMember',
  'foreignAdmin',
] as const;
export type CallerName = (typeof CALLERS)[number];
/** The callers signed in to the organisation the fixtures live in. */
export const IN_ORG = ['member', 'otherMember', 'otherLead', 'lead', 'admin'] as const;
export type InOrgName = (typeof IN_ORG)[number];
export const isInOrg = (who: CallerName): who is InOrgName =>
  (IN_ORG as readonly string[]).includes(who);

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface Person extends Actor {
  name: string;
  token: string;
  call: Caller;
}

/** Every procedure of the app router, read from it at run time. */
export function routerProcedures(): { path: string; type: string }[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string } }
  >;
  return Object.entries(procedures)
    .map(([path, p]) => ({ path, type: p._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls a procedure by its path ('threads.resolve') as `caller`, in-process. */
export function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const [group, name] = path.split('.') as [string, string];
  const procedures = (caller as unknown as Record<string, Record<string, (i: unknown) => unknown>>)[
    group
  ]!;
  return Promise.resolve().then(() => procedures[name]!(input));
}

export function callerFor(deps: ServerDeps, token: string | null, signal?: AbortSignal): Caller {
  return createCaller(createContext(deps, token), { signal });
}

async function person(
  deps: ServerDeps,
  org: string,
  name: string,
  role: Role,
  departments: string[],
): Promise<Person> {
  const { member, token } = await addMember(deps, { org, name, role, departments });
  return {
    id: member.id,
    name,
    role,
    departmentIds: member.departmentIds,
    token,
    call: callerFor(deps, token),
  };
}

/** Another organisation, whose member and admin try the first one's posts, ids and tokens. */
export interface ForeignOrg {
  orgId: string;
  member: Person;
  admin: Person;
}

export async function foreignOrg(deps: ServerDeps, name: string): Promise<ForeignOrg> {
  const made = await initOrg(deps, name, `${name} Admin`);
  await addDepartment(deps, { org: made.org.id, name: 'Support' });
  const member = await person(deps, made.org.id, `${name} Member`, 'member', ['Support']);
  const admin = await person(deps, made.org.id, `${name} Second Admin`, 'admin', []);
  // Its own log is not empty: its members' streams have something of theirs to deliver.
  await member.call.posts.observe({ posts: [post('foreign post')] });
  return { orgId: made.org.id, member, admin };
}

/** One organisation with Support and Sales and a person for every in-organisation column. */
export interface Scene {
  deps: ServerDeps;
  orgId: string;
  support: string;
  sales: string;
  people: Record<Exclude<CallerName, 'anonymous'>, Person>;
  /** Another Support member, who holds or is assigned what no caller should take lightly. */
  bo: Person;
  anonymous: Caller;
}

export async function scene(deps: ServerDeps, name: string, foreign: ForeignOrg): Promise<Scene> {
  const made = await initOrg(deps, name, 'Ada Admin');
  const org = made.org.id;
  const support = (await addDepartment(deps, { org, name: 'Support' })).department.id;
  const sales = (await addDepartment(deps, { org, name: 'Sales' })).department.id;
  const admin: Person = {
    id: made.admin.id,
    name: made.admin.name,
    role: 'admin',
    departmentIds: [],
    token: made.token,
    call: callerFor(deps, made.token),
  };
  const revoked = await person(deps, org, 'Rex Revoked', 'member', ['Support']);
  const [token] = await admin.call.members.tokens({ memberId: revoked.id });
  await admin.call.members.revokeToken({ id: token!.id });
  return {
    deps,
    orgId: org,
    support,
    sales,
    anonymous: callerFor(deps, null),
    bo: await person(deps, org, 'Bo Support', 'member', ['Support']),
    people: {
      revoked,
      member: await person(deps, org, 'Ana Support', 'member', ['Support']),
      otherMember: await person(deps, org, 'Max Sales', 'member', ['Sales']),
      otherLead: await person(deps, org, 'Lea Sales Lead', 'lead', ['Sales']),
      lead: await person(deps, org, 'Sam Support Lead', 'lead', ['Support']),
      admin,
      foreignMember: foreign.member,
      foreignAdmin: foreign.admin,
    },
  };
}

export function callerOf(s: Scene, who: CallerName): Caller {
  return who === 'anonymous' ? s.anonymous : s.people[who].call;
}

const ORG_TABLES = [
  'members',
  'tokens',
  'departments',
  'threads',
  'claims',
  'consults',
  'rules',
  'mutations',
] as const;

/**
 * Everything an organisation holds, as one comparable text: every row of its tables (sorted), its
 * members' departments, and its event log's length and last id (the log only grows).
 */
export async function orgState(deps: ServerDeps, orgId: string): Promise<string> {
  const { db } = deps.store;
  const tables: Record<string, string[]> = {};
  for (const table of ORG_TABLES) {
    const rows = await db
      .selectFrom(table as 'threads')
      .selectAll()
      .where('org_id', '=', orgId)
      .execute();
    tables[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  const links = await db
    .selectFrom('member_departments')
    .innerJoin('members', 'members.id', 'member_departments.member_id')
    .select(['member_departments.member_id', 'member_departments.department_id'])
    .where('members.org_id', '=', orgId)
    .execute();
  tables.member_departments = links.map((r) => JSON.stringify(r)).sort();
  const log = await db
    .selectFrom('events')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('id').as('last')])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return JSON.stringify({ tables, log: [Number(log.count), Number(log.last)] });
}
