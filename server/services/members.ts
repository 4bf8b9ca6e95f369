import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Member, Role } from '../../shared/domain/schemas/index.ts';
import { newId } from './ids.ts';
import type { Trx } from './deps.ts';
import { issueToken } from './tokens.ts';

export async function listMembers(db: Kysely<Database>, orgId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'name', 'handle', 'role'])
    .where('org_id', '=', orgId)
    .where('removed_at', 'is', null)
    .orderBy('name')
    .execute();
  const links = await db
    .selectFrom('member_departments')
    .innerJoin('members', 'members.id', 'member_departments.member_id')
    .select(['member_departments.member_id', 'member_departments.department_id'])
    .where('members.org_id', '=', orgId)
    .execute();
  return rows.map((r) => ({
    ...r,
    departmentIds: links.filter((l) => l.member_id === r.id).map((l) => l.department_id),
  }));
}

export async function getMember(db: Kysely<Database>, orgId: string, id: string): Promise<Member> {
  const row = await db
    .selectFrom('members')
    .select(['id', 'name', 'handle', 'role'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `no member ${id}` });
  const links = await db
    .selectFrom('member_departments')
    .select('department_id')
    .where('member_id', '=', id)
    .execute();
  return { ...row, departmentIds: links.map((l) => l.department_id) };
}

export interface MemberFields {
  name: string;
  handle?: string;
  role: Role;
  departmentIds: string[];
}

function handleFrom(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.|\.$/g, '') || 'member'
  );
}

async function setDepartments(trx: Trx, memberId: string, departmentIds: readonly string[]) {
  await trx.deleteFrom('member_departments').where('member_id', '=', memberId).execute();
  if (departmentIds.length)
    await trx
      .insertInto('member_departments')
      .values([...new Set(departmentIds)].map((d) => ({ member_id: memberId, department_id: d })))
      .execute();
}

async function checkDepartments(trx: Trx, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `unknown department ${missing.join(', ')}`,
    });
}

/** Creates a member and their first sign-in token (returned once, stored hashed). */
export async function createMember(
  trx: Trx,
  orgId: string,
  input: MemberFields,
  now: number,
): Promise<{ member: Member; token: string }> {
  await checkDepartments(trx, orgId, input.departmentIds);
  const id = newId();
  const handle = input.handle ?? handleFrom(input.name);
  await trx
    .insertInto('members')
    .values({
      id,
      org_id: orgId,
      name: input.name,
      handle,
      role: input.role,
      created_at: now,
      removed_at: null,
    })
    .execute();
  await setDepartments(trx, id, input.departmentIds);
  const token = await issueToken(trx, orgId, id, now);
  return {
    member: {
      id,
      name: input.name,
      handle,
      role: input.role,
      departmentIds: [...new Set(input.departmentIds)],
    },
    token,
  };
}

export async function updateMember(
  trx: Trx,
  orgId: string,
  id: string,
  patch: Partial<Pick<MemberFields, 'name' | 'role' | 'departmentIds'>>,
): Promise<Member> {
  await getMember(trx, orgId, id);
  if (patch.name !== undefined || patch.role !== undefined)
    await trx
      .updateTable('members')
      .set({ ...(patch.name && { name: patch.name }), ...(patch.role && { role: patch.role }) })
      .where('id', '=', id)
      .execute();
  if (patch.departmentIds) {
    await checkDepartments(trx, orgId, patch.departmentIds);
    await setDepartments(trx, id, patch.departmentIds);
  }
  return getMember(trx, orgId, id);
}

/** Removes a member: their tokens stop working; threads keep their name in the history. */
export async function removeMember(trx: Trx, orgId: string, id: string, now: number) {
  await getMember(trx, orgId, id);
  await trx.updateTable('members').set({ removed_at: now }).where('id', '=', id).execute();
  await trx
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('member_id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
