import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { internalErrorCount } from '../../../server/trpc/errors.ts';
import { backend, skipReason, startTestServer, wsClient } from '../harness.ts';
import type { TestServer } from '../harness.ts';
import {
  DATABASE_TEXT,
  FUZZ_SEED,
  baseInput,
  fuzzInputs,
  inParallel,
  inputSchemaOf,
  show,
} from './fuzz-support.ts';
import { foreignOrg, orgState, routerProcedures, scene } from './matrix-scene.ts';
import type { Scene } from './matrix-scene.ts';

/**
 * The property-based inputs of input-fuzz.test.ts again, a share of them over the real transports:
 * per procedure, hostile inputs as JSON over HTTP (GET for queries, POST for mutations) and over
 * one WebSocket through tRPC's own client (subscriptions there only). Each is answered with a
 * 4xx status (or 200), in a tRPC error shape without the database's text; what the procedure's
 * schema refuses changes nothing; the server answers afterwards. Rates are off: the inputs come
 * as fast as the server answers, from one admin.
 */

const PER_TRANSPORT = 60;
/** Larger inputs are the body and frame limits' business (1 MB), tested in limits.test.ts. */
const MAX_JSON = 200_000;

interface Answer {
  status: number;
  code: string;
  message: string;
}

async function overHttp(port: number, token: string, path: string, type: string, input: unknown) {
  const json = input === undefined ? undefined : JSON.stringify(input);
  const url = `http://127.0.0.1:${port}/trpc/${path}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res =
    type === 'query'
      ? await fetch(json === undefined ? url : `${url}?input=${encodeURIComponent(json)}`, {
          headers,
        })
      : await fetch(url, { method: 'POST', headers, body: json });
  const text = await res.text();
  let body: { error?: { message?: string; data?: { code?: string } } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Node's own refusals (a URL past its header limit: 431) carry no tRPC body.
  }
  return {
    status: res.status,
    code: res.ok ? 'OK' : (body.error?.data?.code ?? `HTTP ${res.status}`),
    message: body.error?.message ?? (res.ok ? '' : text),
  };
}

type WsClient = ReturnType<typeof wsClient>['client'];
type Callable = Record<string, Record<string, Record<string, (...a: unknown[]) => unknown>>>;

async function overWebSocket(client: WsClient, path: string, type: string, input: unknown) {
  const [group, name] = path.split('.') as [string, string];
  const procedure = (client as unknown as Callable)[group]![name]!;
  try {
    if (type === 'subscription')
      await new Promise<void>((resolve, reject) => {
        const sub = (
          procedure.subscribe as (
            i: unknown,
            o: object,
          ) => {
            unsubscribe(): void;
          }
        )(input, {
          onStarted: () => (sub.unsubscribe(), resolve()),
          onError: reject,
        });
      });
    else await procedure[type === 'query' ? 'query' : 'mutate']!(input);
    return { status: 200, code: 'OK', message: '' };
  } catch (e) {
    if (!(e instanceof TRPCClientError)) throw e;
    const data = e.data as { code?: string; httpStatus?: number } | undefined;
    return { status: data?.httpStatus ?? 0, code: data?.code ?? 'NO CODE', message: e.message };
  }
}

describe.skipIf(!!skipReason)(`trust: hostile input over HTTP and WebSocket (${backend})`, () => {
  let ts: TestServer;
  let s: Scene;
  let ws: ReturnType<typeof wsClient>;
  const counts = { http: 0, ws: 0 };
  const answers: Record<string, number> = {};
  const internalAtStart = internalErrorCount();
  const procedures = routerProcedures();

  beforeAll(async () => {
    ts = await startTestServer({
      limits: { batch: 50, perConnection: 0, perToken: 0, connectionsPerToken: 20 },
      // No sweeper: a short lease a fuzzed claims.acquire granted must not expire into the log
      // while the next procedure's refused inputs are held to changing nothing.
      sweepMs: 3_600_000,
    });
    const deps = ts.server.deps;
    s = await scene(deps, 'Wire', await foreignOrg(deps, 'Elsewhere'));
    ws = wsClient(ts.port, s.people.admin.token);
  });
  afterAll(async () => {
    console.log(
      `fuzz (${backend}, over the wire, seed ${FUZZ_SEED + 1_000}): ${procedures.length} ` +
        `procedures, ${counts.http} inputs over HTTP, ${counts.ws} over WebSocket; answered ` +
        `${JSON.stringify(answers)}; ` +
        `internal errors: ${internalErrorCount() - internalAtStart}`,
    );
    ws?.close();
    await ts?.close();
  });

  it.each(procedures.map((p, i) => [p.path, p.type, i] as const))(
    '%s: hostile inputs over HTTP and WebSocket, each a 4xx or OK',
    async (path, type, index) => {
      const schema = inputSchemaOf(path);
      const base = await baseInput(s, path);
      const inputs = fuzzInputs(path, base, FUZZ_SEED + 1_000 + index, 4 * PER_TRANSPORT, true)
        .filter((i) => i === undefined || JSON.stringify(i).length < MAX_JSON)
        .slice(0, 2 * PER_TRANSPORT);
      // What arrives is what JSON carries (NaN as null, no undefined fields).
      const arrives = (i: unknown) => (i === undefined ? undefined : JSON.parse(JSON.stringify(i)));
      const refused = (i: unknown) => !!schema && !schema.safeParse(arrives(i)).success;
      const wrong: string[] = [];
      const send = async (input: unknown, i: number) => {
        const viaWs = type === 'subscription' || i % 2 === 1;
        const a: Answer = viaWs
          ? await overWebSocket(ws.client, path, type, input)
          : await overHttp(ts.port, s.people.admin.token, path, type, input);
        counts[viaWs ? 'ws' : 'http']++;
        answers[a.code] = (answers[a.code] ?? 0) + 1;
        const must = refused(input);
        if (a.status >= 500 || a.status < 200 || (must && a.status !== 400 && a.status !== 431))
          wrong.push(
            `${viaWs ? 'ws' : 'http'} ${a.status} ${a.code} (${a.message}) for ${show(input)}`,
          );
        if (DATABASE_TEXT.test(a.message)) wrong.push(`database text "${a.message}"`);
      };
      const numbered = inputs.map((input, i) => [input, i] as const);
      const before = await orgState(ts.server.deps, s.orgId);
      await inParallel(
        numbered.filter(([input]) => refused(input)),
        4,
        ([input, i]) => send(input, i),
      );
      expect(await orgState(ts.server.deps, s.orgId), 'refused inputs changed nothing').toBe(
        before,
      );
      await inParallel(
        numbered.filter(([input]) => !refused(input)),
        4,
        ([input, i]) => send(input, i),
      );
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(inputs.length).toBeGreaterThanOrEqual(PER_TRANSPORT);
      expect(internalErrorCount() - internalAtStart).toBe(0);
      const health = await fetch(`http://127.0.0.1:${ts.port}/health`);
      expect(health.status).toBe(200);
      expect((await ws.client.auth.whoami.query()).member.id).toBe(s.people.admin.id);
    },
    120_000,
  );
});
