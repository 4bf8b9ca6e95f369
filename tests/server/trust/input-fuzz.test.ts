import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { openDeps } from '../../../server/app.ts';
import type { ServerDeps } from '../../../server/services/deps.ts';
import { internalErrorCount } from '../../../server/trpc/errors.ts';
import { backend, freshStore, skipReason } from '../harness.ts';
import type { FreshStore } from '../harness.ts';
import {
  DATABASE_TEXT,
  FUZZ_SEED,
  INPUTS_PER_PROCEDURE,
  baseInput,
  fuzzInputs,
  inParallel,
  inputSchemaOf,
  show,
} from './fuzz-support.ts';
import {
  callPath,
  callerFor,
  foreignOrg,
  orgState,
  routerProcedures,
  scene,
} from './matrix-scene.ts';
import type { Scene } from './matrix-scene.ts';

/**
 * Issue 10: property-based tests (fast-check) over every procedure's input schema, in-process on
 * the real router and database (SQLite; PostgreSQL under `npm run test:pg`). For each procedure
 * 1,000 inputs around a valid one (procedure-fixtures.ts), malformed and hostile
 * (hostile-input.ts): each is answered OK or with a 4xx-class tRPC error, never an internal
 * error, and no error carries the database's text; the inputs the procedure's schema refuses are
 * all BAD_REQUEST and change nothing; the server answers afterwards. A fixed seed: a failure
 * names its input and replays. input-fuzz-wire.test.ts sends a share over HTTP and WebSocket.
 */

interface Answer {
  code: string;
  status: number;
  message: string;
}

async function answerOf(
  deps: ServerDeps,
  token: string,
  path: string,
  type: string,
  input: unknown,
) {
  const abort = new AbortController();
  const caller = callerFor(deps, token, abort.signal);
  try {
    await callPath(caller, path, input);
    return { code: 'OK', status: 200, message: '' };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { code: e.code, status: getHTTPStatusCodeFromError(e), message: e.message };
  } finally {
    // A subscription that started is stopped before it is read.
    if (type === 'subscription') abort.abort();
  }
}

describe.skipIf(!!skipReason)(`trust: hostile input, property-based (${backend})`, () => {
  let store: FreshStore;
  let deps: ServerDeps;
  let s: Scene;
  let total = 0;
  let refusedBySchema = 0;
  const answers: Record<string, number> = {};
  const internalAtStart = internalErrorCount();
  const procedures = routerProcedures();

  beforeAll(async () => {
    store = await freshStore();
    deps = await openDeps(store.options);
    s = await scene(deps, 'Fuzz', await foreignOrg(deps, 'Other'));
  });
  afterAll(async () => {
    console.log(
      `fuzz (${backend}, in-process, seed ${FUZZ_SEED}): ${procedures.length} procedures x ` +
        `${INPUTS_PER_PROCEDURE} inputs = ${total} calls, ${refusedBySchema} refused by their ` +
        `schema; answered ${JSON.stringify(answers)}; internal errors: ` +
        `${internalErrorCount() - internalAtStart}`,
    );
    await deps?.store.close();
    await store?.drop();
  });

  it.each(procedures.map((p, i) => [p.path, p.type, i] as const))(
    '%s: 1,000 hostile inputs, each a 4xx or OK, nothing changed by a refused one',
    async (path, type, index) => {
      const schema = inputSchemaOf(path);
      const inputs = fuzzInputs(
        path,
        await baseInput(s, path),
        FUZZ_SEED + index,
        INPUTS_PER_PROCEDURE,
        false,
      );
      const invalid = inputs.filter((i) => schema && !schema.safeParse(i).success);
      const valid = inputs.filter((i) => !invalid.includes(i));
      const wrong: string[] = [];
      const internalBefore = internalErrorCount();
      const check = (input: unknown, a: Answer, mustRefuse: boolean) => {
        answers[a.code] = (answers[a.code] ?? 0) + 1;
        if (a.status >= 500 || (mustRefuse && a.code !== 'BAD_REQUEST'))
          wrong.push(`${a.code} (${a.message}) for ${show(input)}`);
        if (DATABASE_TEXT.test(a.message)) wrong.push(`database text "${a.message}"`);
      };
      const before = await orgState(deps, s.orgId);
      // One input in four from a plain member (Ana, Support), the rest from the admin.
      const tokenFor = (input: unknown) =>
        inputs.indexOf(input) % 4 === 3 ? s.people.member.token : s.people.admin.token;
      await inParallel(invalid, 8, async (input) =>
        check(input, await answerOf(deps, tokenFor(input), path, type, input), true),
      );
      expect(await orgState(deps, s.orgId), 'refused inputs changed nothing').toBe(before);
      await inParallel(valid, 8, async (input) =>
        check(input, await answerOf(deps, tokenFor(input), path, type, input), false),
      );
      total += inputs.length;
      refusedBySchema += invalid.length;
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(inputs.length).toBe(INPUTS_PER_PROCEDURE);
      expect(internalErrorCount() - internalBefore).toBe(0);
      // Still up: the same member is answered.
      expect((await s.people.admin.call.auth.whoami()).member.id).toBe(s.people.admin.id);
    },
    120_000,
  );
});
