import type { Kysely, Selectable } from 'kysely';
import type { ClaimTable, Database, ThreadTable } from '../db/schema.ts';
import type { Claim, Thread, ThreadView, WaitingOn } from '../../shared/domain/schemas/index.ts';

export function toThread(r: Selectable<ThreadTable>): Thread {
  return {
    postKey: r.post_key,
    platform: r.platform,
    url: r.url,
    authorHandle: r.author_handle,
    authorName: r.author_name,
    text: r.text,
    postedAt: r.posted_at,
    departmentId: r.department_id,
    suggestedDepartmentId: r.suggested_department_id,
    assigneeId: r.assignee_id,
    status: r.status,
    version: r.version,
    firstSeenAt: r.first_seen_at,
    firstSeenBy: r.first_seen_by,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
    dueAt: r.due_at,
    noteCount: r.note_count,
    waitingOn: JSON.parse(r.waiting_on) as WaitingOn[],
    answeredWithoutClaim: r.answered_without_claim === 1,
  };
}

export type ClaimRow = Selectable<ClaimTable> & { holder_name: string | null };

/** A claim row as clients see it: null unless someone holds a live lease. */
export function toClaim(r: ClaimRow | undefined, now: number): Claim | null {
  if (!r || !r.holder_id || r.expires_at <= now) return null;
  return {
    postKey: r.post_key,
    holderId: r.holder_id,
    holderName: r.holder_name ?? 'someone',
    token: r.token,
    expiresAt: r.expires_at,
  };
}

export async function loadClaims(
  db: Kysely<Database>,
  orgId: string,
  postKeys: readonly string[],
): Promise<Map<string, ClaimRow>> {
  if (postKeys.length === 0) return new Map();
  const rows = await db
    .selectFrom('claims')
    .leftJoin('members', 'members.id', 'claims.holder_id')
    .selectAll('claims')
    .select('members.name as holder_name')
    .where('claims.org_id', '=', orgId)
    .where('claims.post_key', 'in', postKeys)
    .execute();
  return new Map(rows.map((r) => [r.post_key, r]));
}

/** Threads with their live claims, in the order of `postKeys`; unknown keys are left out. */
export async function loadViews(
  db: Kysely<Database>,
  orgId: string,
  postKeys: readonly string[],
  now: number,
): Promise<ThreadView[]> {
  if (postKeys.length === 0) return [];
  const threads = await db
    .selectFrom('threads')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('post_key', 'in', postKeys)
    .execute();
  const claims = await loadClaims(db, orgId, postKeys);
  const byKey = new Map(threads.map((t) => [t.post_key, t]));
  return postKeys.flatMap((key) => {
    const t = byKey.get(key);
    return t ? [{ thread: toThread(t), claim: toClaim(claims.get(key), now) }] : [];
  });
}

export async function loadView(
  db: Kysely<Database>,
  orgId: string,
  postKey: string,
  now: number,
): Promise<ThreadView | null> {
  const [view] = await loadViews(db, orgId, [postKey], now);
  return view ?? null;
}
