import fc from 'fast-check';
import { appRouter } from '../../../server/trpc/app-router.ts';
import { hostileInputs } from './hostile-input.ts';
import { fixtures } from './procedure-fixtures.ts';
import type { Scene } from './matrix-scene.ts';

/** What the property-based tests share: seed, counts, inputs and what an answer may not say. */

export const FUZZ_SEED = 20_261_207;
export const INPUTS_PER_PROCEDURE = 1_000;
/** Text of a database's own errors (SQLite's and PostgreSQL's): never in an answer. */
export const DATABASE_TEXT =
  /sqlite|constraint|relation "|syntax error|duplicate key|violates|invalid byte sequence|SQLSTATE|out of range for type|column "/i;

export interface InputSchema {
  safeParse(v: unknown): { success: boolean };
  shape?: Record<string, unknown>;
}

/** The procedure's input schema (none: it takes no input, and ignores any). */
export function inputSchemaOf(path: string): InputSchema | null {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: InputSchema[] } }
  >;
  return procedures[path]!._def.inputs[0] ?? null;
}

/** The inputs of one procedure, from the seed and a valid input: the same every run. */
export function fuzzInputs(path: string, base: unknown, seed: number, runs: number, wire: boolean) {
  const schema = inputSchemaOf(path);
  const fields = Object.keys(schema?.shape ?? {});
  return fc.sample(hostileInputs(base, fields, wire), { seed, numRuns: runs });
}

/** A valid input of `path` for the admin, from its matrix row. */
export function baseInput(s: Scene, path: string) {
  const fixture = fixtures.find((f) => f.procedure === path && !f.variant)!;
  return fixture.input({ s, who: 'admin', self: s.people.admin });
}

/** Runs `fn` over `items`, `width` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  fn: (t: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** An input as a failure report shows it (bigints marked, long text cut). */
export const show = (v: unknown) => {
  try {
    const text = JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
    return text === undefined ? String(v) : text.length > 300 ? text.slice(0, 300) + '…' : text;
  } catch {
    return String(v);
  }
};
