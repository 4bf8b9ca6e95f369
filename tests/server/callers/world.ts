import { TRPCError } from '@trpc/server';
import { openDeps } from '../../../server/app.ts';
import type { ServerDeps } from '../../../server/services/deps.ts';
import { addDepartment, addMember, initOrg } from '../../../server/cli-admin.ts';
import { appRouter } from '../../../server/trpc/app-router.ts';
import { createContext } from '../../../server/trpc/context.ts';
import { createCallerFactory } from '../../../server/trpc/init.ts';
import type { Department, Role } from '../../../shared/domain/schemas/index.ts';
import { freshStore, post } from '../harness.ts';

export { post };
const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface Person {
  id: string;
  name: string;
  call: Caller;
  /** The same member's calls, ended by `signal` (subscriptions stop when it aborts). */
  callUntil(signal: AbortSignal): Caller;
}

export interface World {
  deps: ServerDeps;
  orgId: string;
  admin: Person;
  departments: Record<string, Department>;
  /** Adds a member; `call` runs the app router in-process as them (no HTTP, no WebSocket). */
  member(name: string, role: Role, departments: string[]): Promise<Person>;
  /** The same router without a token. */
  anonymous: Caller;
  close(): Promise<void>;
}

/**
 * One organisation on a real database (SQLite file, or PostgreSQL under `npm run test:pg`) whose
 * procedures are called through tRPC's createCaller: the whole router, middleware and services,
 * without a network in between.
 */
export async function world(departments = ['Support', 'Sales']): Promise<World> {
  const store = await freshStore();
  const deps = await openDeps(store.options);
  const made = await initOrg(deps, 'Acme', 'Ada Admin');
  const depts: Record<string, Department> = {};
  for (const d of departments)
    depts[d] = (await addDepartment(deps, { org: made.org.id, name: d })).department;
  const as = (token: string | null, signal?: AbortSignal) =>
    createCaller(createContext(deps, token), { signal });
  const person = (id: string, name: string, token: string): Person => ({
    id,
    name,
    call: as(token),
    callUntil: (signal) => as(token, signal),
  });
  return {
    deps,
    orgId: made.org.id,
    admin: person(made.admin.id, made.admin.name, made.token),
    departments: depts,
    anonymous: as(null),
    async member(name, role, inDepartments) {
      const { member, token } = await addMember(deps, {
        org: made.org.id,
        name,
        role,
        departments: inDepartments,
      });
      return person(member.id, name, token);
    },
    async close() {
      await deps.store.close();
      await store.drop();
    },
  };
}

/** The tRPC error code a call was refused with ('FORBIDDEN', …), or 'OK'. */
export async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

/** The refusal's message, for tests that hold what a person is told. */
export async function refusalMessage(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) return e.message;
    throw e;
  }
  throw new Error('expected the call to be refused');
}
