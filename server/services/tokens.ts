import { createHash, randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Caller, Trx } from './deps.ts';
import { newId } from './ids.ts';

const PREFIX = 'sb_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 32 random bytes; the caller shows it once, the database keeps only its hash. */
export async function issueToken(trx: Trx, orgId: string, memberId: string, now: number) {
  const token = PREFIX + randomBytes(32).toString('base64url');
  await trx
    .insertInto('tokens')
    .values({
      id: newId(),
      org_id: orgId,
      member_id: memberId,
      hash: hashToken(token),
      created_at: now,
      revoked_at: null,
    })
    .execute();
  return token;
}

export async function listTokens(db: Kysely<Database>, orgId: string, memberId?: string) {
  let q = db
    .selectFrom('tokens')
    .select(['id', 'member_id as memberId', 'created_at as createdAt', 'revoked_at as revokedAt'])
    .where('org_id', '=', orgId);
  if (memberId) q = q.where('member_id', '=', memberId);
  return q.orderBy('created_at').execute();
}

/** Revokes a live token; returns whose it was. */
export async function revokeToken(trx: Trx, orgId: string, tokenId: string, now: number) {
  const res = await trx
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .returning('member_id')
    .executeTakeFirst();
  if (!res) throw new TRPCError({ code: 'NOT_FOUND', message: `no live token ${tokenId}` });
  return { memberId: res.member_id };
}

/** The member a token signs in, or null for an unknown, revoked or malformed token. */
export async function callerForToken(db: Kysely<Database>, token: string): Promise<Caller | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const row = await db
    .selectFrom('tokens')
    .innerJoin('members', 'members.id', 'tokens.member_id')
    .select(['members.id', 'members.org_id', 'members.name', 'members.handle', 'members.role'])
    .where('tokens.hash', '=', hashToken(token))
    .where('tokens.revoked_at', 'is', null)
    .where('members.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const links = await db
    .selectFrom('member_departments')
    .select('department_id')
    .where('member_id', '=', row.id)
    .execute();
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    handle: row.handle,
    role: row.role,
    departmentIds: links.map((l) => l.department_id),
  };
}
