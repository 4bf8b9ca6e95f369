import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { openDeps } from '../../../server/app.ts';
import type { ServerDeps } from '../../../server/services/deps.ts';
import { refusal } from '../../../shared/domain/permissions.ts';
import type { ProcedurePath } from '../../../shared/domain/permissions.ts';
import { backend, freshStore, skipReason } from '../harness.ts';
import type { FreshStore } from '../harness.ts';
import { fixtures } from './procedure-fixtures.ts';
import type { Cell, Fixture } from './procedure-fixtures.ts';
import {
  CALLERS,
  IN_ORG,
  isInOrg,
  callPath,
  callerFor,
  callerOf,
  foreignOrg,
  orgState,
  routerProcedures,
  scene,
} from './matrix-scene.ts';
import type { CallerName, ForeignOrg, Scene } from './matrix-scene.ts';

/**
 * Issue 10's authorization matrix: every procedure of the app router (read from it at run time) x
 * nine callers, each call made in-process on the real router and database (SQLite; PostgreSQL
 * under `npm run test:pg`) with a valid input made fresh for the cell. Each outcome is the row's
 * (procedure-fixtures.ts); a refused call, and any call from another organisation, leaves the
 * organisation's rows and log as they were, and an allowed mutation changed them. The rows agree
 * with the permission table (shared/domain/permissions.ts) for every caller it decides.
 */

const CODES: Record<string, string> = {
  UNAUTHORIZED: 'U',
  FORBIDDEN: 'F',
  NOT_FOUND: 'N',
  BAD_REQUEST: 'B',
  CONFLICT: 'C',
};

type Outcome = { code: string; result?: unknown };

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { code: 'ok', result: await run() };
  } catch (e) {
    if (e instanceof TRPCError) return { code: CODES[e.code] ?? e.code };
    throw e;
  }
}

/** A subscription is allowed when it delivers its first event (its log is never empty here). */
async function firstOfStream(deps: ServerDeps, token: string | null, input: unknown) {
  const abort = new AbortController();
  try {
    const stream = (await callPath(
      callerFor(deps, token, abort.signal),
      'events.stream',
      input,
    )) as AsyncIterable<[string, unknown]>;
    const first = stream[Symbol.asyncIterator]().next();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('events.stream delivered nothing in 5 s')), 5_000),
    );
    const { value } = await Promise.race([first, timeout]);
    return value?.[1];
  } finally {
    abort.abort();
  }
}

function tokenOf(s: Scene, who: CallerName): string | null {
  return who === 'anonymous' ? null : s.people[who].token;
}

/** Ids of the scene's organisation: none may reach a caller from another one. */
function sceneIds(s: Scene): string[] {
  return [s.orgId, s.support, s.sales, s.bo.id, ...IN_ORG.map((w) => s.people[w].id)];
}

const types = new Map(routerProcedures().map((p) => [p.path, p.type]));

describe.skipIf(!!skipReason)(`trust: the authorization matrix (${backend})`, () => {
  let store: FreshStore;
  let deps: ServerDeps;
  let foreign: ForeignOrg;
  let cells = 0;

  beforeAll(async () => {
    store = await freshStore();
    deps = await openDeps(store.options);
    foreign = await foreignOrg(deps, 'Globex');
  });
  afterAll(async () => {
    console.log(
      `authorization matrix (${backend}): ${types.size} procedures, ${fixtures.length} rows x ` +
        `${CALLERS.length} callers = ${cells} cells run`,
    );
    await deps?.store.close();
    await store?.drop();
  });

  it('has a row for every procedure of the app router, and none for a procedure it lacks', () => {
    const procedures = [...types.keys()];
    expect(procedures.length).toBeGreaterThan(30);
    expect([...new Set(fixtures.map((f) => f.procedure))].sort()).toEqual(procedures.sort());
    for (const f of fixtures) expect(f.expect.split(' ')).toHaveLength(CALLERS.length);
  });

  const name = (f: Fixture) => f.procedure + (f.variant ? ` (${f.variant})` : '');
  it.each(fixtures.map((f, i) => [name(f), i] as const))(
    '%s',
    async (_, index) => {
      const f = fixtures[index]!;
      const s = await scene(deps, `Acme ${index}`, foreign);
      const ids = sceneIds(s);
      const type = types.get(f.procedure);
      const actual: string[] = [];
      const problems: string[] = [];
      for (const [column, who] of CALLERS.entries()) {
        const cell: Cell = { s, who, self: isInOrg(who) ? s.people[who] : s.people.member };
        const input = await f.input(cell);
        const before = await orgState(deps, s.orgId);
        const outcome = await outcomeOf(() =>
          type === 'subscription'
            ? firstOfStream(deps, tokenOf(s, who), input)
            : callPath(callerOf(s, who), f.procedure, input),
        );
        const after = await orgState(deps, s.orgId);
        cells++;
        actual.push(outcome.code);
        const inOrg = isInOrg(who);
        if (outcome.code !== 'ok' || !inOrg) {
          if (after !== before)
            problems.push(`${who}: the ${outcome.code} call changed the organisation`);
        } else if (type === 'mutation' && after === before) {
          problems.push(`${who}: allowed, but changed nothing`);
        }
        if (outcome.code === 'ok' && !inOrg) {
          const text = JSON.stringify(outcome.result ?? null);
          const leaked = ids.filter((id) => text.includes(id));
          if (leaked.length)
            problems.push(`${who}: answered with the other organisation's ${leaked}`);
        }
        if (isInOrg(who)) {
          const subject = f.subject ? [f.subject(cell, input)] : [];
          const p = s.people[who];
          const actor = { id: p.id, role: p.role, departmentIds: p.departmentIds };
          const table = refusal(actor, f.procedure as ProcedurePath, ...(subject as [never]));
          const expected = f.expect.split(' ')[column];
          if ((table !== null) !== (expected === 'F'))
            problems.push(
              `${who}: the permission table says ${table ?? 'allowed'}, the row ${expected}`,
            );
        }
      }
      expect({ outcomes: actual.join(' '), problems }).toEqual({
        outcomes: f.expect,
        problems: [],
      });
    },
    60_000,
  );
});
