import { initOrg } from './cli-admin.ts';
import { DEMO_DEPARTMENTS, DEMO_MEMBERS, DEMO_ORG_NAME, DEMO_RULES } from './demo-org.ts';
import type { ServerDeps } from './services/deps.ts';
import { appRouter } from './trpc/app-router.ts';
import { createContext } from './trpc/context.ts';
import type { Department, Member, Org } from '../shared/domain/schemas/index.ts';

export interface SeededDemo {
  org: Org;
  departments: Department[];
  /** The admin first, then the people of DEMO_MEMBERS in order, each with their token. */
  members: { member: Member; token: string }[];
  rules: number;
}

/**
 * Writes the demo organisation (server/demo-org.ts) as its admin would, through the same
 * procedures the dashboard calls, so it passes every check a real organisation does.
 */
export async function seedDemo(deps: ServerDeps, orgName = DEMO_ORG_NAME): Promise<SeededDemo> {
  const { org, admin, token } = await initOrg(deps, orgName, 'Demo Admin');
  const api = appRouter.createCaller(createContext(deps, token));
  const departments: Department[] = [];
  for (const d of DEMO_DEPARTMENTS) departments.push(await api.departments.create(d));
  const idOf = (name: string) => {
    const found = departments.find((d) => d.name === name);
    if (!found) throw new Error(`demo data names an unknown department: ${name}`);
    return found.id;
  };
  for (const { department, ...rule } of DEMO_RULES)
    await api.rules.create({ ...rule, departmentId: idOf(department) });
  const members = [{ member: admin, token }];
  for (const m of DEMO_MEMBERS)
    members.push(
      await api.members.create({
        name: m.name,
        role: m.role,
        departmentIds: m.departments.map(idOf),
      }),
    );
  return { org, departments, members, rules: DEMO_RULES.length };
}

/** What `seed-demo` prints: who is who, with the tokens that are shown only this once. */
export function describeSeededDemo(demo: SeededDemo): string {
  const deptName = new Map(demo.departments.map((d) => [d.id, d.name]));
  const width = Math.max(...demo.members.map((m) => m.member.name.length));
  const lines = demo.members.map(({ member, token }) => {
    const where = member.departmentIds.map((id) => deptName.get(id)).join(', ') || 'all';
    return `  ${member.name.padEnd(width)}  ${member.role.padEnd(6)}  ${where.padEnd(17)}  ${token}`;
  });
  return [
    `Created ${demo.org.name}: ${demo.departments.length} departments (${demo.departments.map((d) => d.name).join(', ')}), ${demo.rules} routing rules, ${demo.members.length} people.`,
    'Sign-in tokens (shown once; paste one into the extension’s options page):',
    ...lines,
  ].join('\n');
}
