import { TRPCError } from '@trpc/server';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DepartmentTable } from '../db/schema.ts';
import type { Department, Guidelines, WatchPhrase } from '../../shared/domain/schemas/index.ts';
import { linearRegexError } from '../../shared/domain/linear-regex.ts';
import { watchPattern } from '../../shared/domain/watch-phrases.ts';
import { newId } from './ids.ts';
import type { Trx } from './deps.ts';
import type { EventFields } from './event-log.ts';

const PALETTE = ['#2563eb', '#16a34a', '#db2777', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04'];
const EMPTY_GUIDELINES: Guidelines = { dos: [], donts: [], tone: '' };

export function toDepartment(r: Selectable<DepartmentTable>): Department {
  return {
    id: r.id,
    name: r.name,
    color: r.color,
    slaMinutes: r.sla_minutes,
    guidelines: JSON.parse(r.guidelines) as Guidelines,
    watchPhrases: JSON.parse(r.watch_phrases ?? '[]') as WatchPhrase[],
  };
}

/** Every pattern must run on RE2 (linear time): one that cannot is refused, naming it. */
function checkWatchPhrases(phrases: readonly WatchPhrase[] | undefined) {
  for (const phrase of phrases ?? []) {
    const error = linearRegexError(watchPattern(phrase));
    if (error)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `watch phrase "${phrase.pattern}" is not a usable pattern: ${error}`,
      });
  }
}

/**
 * Every browser keeps the org's departments (colours, guidelines, watch phrases shown beside a
 * reply box): a change reaches them through the event stream at once.
 */
export const departmentChanged = (department: Department): EventFields => ({
  type: 'department.changed',
  postKey: null,
  data: { department },
});

export async function listDepartments(db: Kysely<Database>, orgId: string): Promise<Department[]> {
  const rows = await db
    .selectFrom('departments')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
  return rows.map(toDepartment);
}

export async function getDepartment(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<Department> {
  const row = await db
    .selectFrom('departments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `no department ${id}` });
  return toDepartment(row);
}

export interface DepartmentFields {
  name: string;
  color?: string;
  slaMinutes?: number;
  guidelines?: Guidelines;
  watchPhrases?: WatchPhrase[];
}

export async function createDepartment(
  trx: Trx,
  orgId: string,
  input: DepartmentFields,
  now: number,
): Promise<Department> {
  checkWatchPhrases(input.watchPhrases);
  await requireFreeName(trx, orgId, input.name, null);
  const count = await trx
    .selectFrom('departments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const row = {
    id: newId(),
    org_id: orgId,
    name: input.name,
    color: input.color ?? PALETTE[Number(count.n) % PALETTE.length]!,
    sla_minutes: input.slaMinutes ?? 60,
    guidelines: JSON.stringify(input.guidelines ?? EMPTY_GUIDELINES),
    watch_phrases: JSON.stringify(input.watchPhrases ?? []),
    created_at: now,
  };
  await trx.insertInto('departments').values(row).execute();
  return toDepartment(row);
}

/** Names are unique in an org (a unique constraint holds it against races too). */
async function requireFreeName(trx: Trx, orgId: string, name: string, self: string | null) {
  const taken = await trx
    .selectFrom('departments')
    .select(['id'])
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (taken && taken.id !== self)
    throw new TRPCError({ code: 'CONFLICT', message: `a department named ${name} exists` });
}

export async function updateDepartment(
  trx: Trx,
  orgId: string,
  id: string,
  patch: Partial<DepartmentFields>,
): Promise<Department> {
  checkWatchPhrases(patch.watchPhrases);
  await getDepartment(trx, orgId, id);
  if (patch.name !== undefined) await requireFreeName(trx, orgId, patch.name, id);
  const changes = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.color !== undefined && { color: patch.color }),
    ...(patch.slaMinutes !== undefined && { sla_minutes: patch.slaMinutes }),
    ...(patch.guidelines !== undefined && { guidelines: JSON.stringify(patch.guidelines) }),
    ...(patch.watchPhrases !== undefined && {
      watch_phrases: JSON.stringify(patch.watchPhrases),
    }),
  };
  // An update that names no field changes nothing (an empty SET is not SQL: it was a 500).
  if (Object.keys(changes).length)
    await trx
      .updateTable('departments')
      .set(changes)
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  return getDepartment(trx, orgId, id);
}

/** Resolves department names (as the CLI takes them) or ids to ids of this org. */
export async function resolveDepartmentIds(
  db: Kysely<Database>,
  orgId: string,
  namesOrIds: readonly string[],
): Promise<string[]> {
  if (namesOrIds.length === 0) return [];
  const all = await listDepartments(db, orgId);
  return namesOrIds.map((ref) => {
    const found = all.find((d) => d.id === ref || d.name.toLowerCase() === ref.toLowerCase());
    if (!found)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `no department named or with id ${ref}`,
      });
    return found.id;
  });
}
