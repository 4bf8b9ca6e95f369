import { sql } from 'kysely';
import { dbNow } from '../db/dialect.ts';
import type { ServerDeps } from './deps.ts';
import { loadViews } from './views.ts';
import { runWrite, systemScope } from './write.ts';

/**
 * Frees leases whose time ran out and tells everyone (`claim.expired`), so a holder learns their
 * claim lapsed and the badge stops saying "is answering". The guarded update makes each expiry
 * happen once even with several server instances sweeping the same database.
 */
export async function sweepExpiredClaims(deps: ServerDeps): Promise<number> {
  const { db, dialect } = deps.store;
  const due = await db
    .selectFrom('claims')
    .select(['org_id', 'post_key', 'holder_id', 'token'])
    .where('holder_id', 'is not', null)
    .where(sql<boolean>`expires_at <= ${dbNow(dialect)}`)
    .limit(500)
    .execute();
  const byOrg = new Map<string, typeof due>();
  for (const c of due) byOrg.set(c.org_id, [...(byOrg.get(c.org_id) ?? []), c]);
  let swept = 0;
  for (const [orgId, claims] of byOrg) {
    swept += await runWrite(deps, systemScope(orgId), async ({ trx, now, emit }) => {
      let n = 0;
      for (const c of claims) {
        const res = await trx
          .updateTable('claims')
          .set({ holder_id: null })
          .where('org_id', '=', orgId)
          .where('post_key', '=', c.post_key)
          .where('holder_id', '=', c.holder_id)
          .where('token', '=', c.token)
          .where('expires_at', '<=', now)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) continue;
        const holder = await trx
          .selectFrom('members')
          .select('name')
          .where('id', '=', c.holder_id!)
          .executeTakeFirst();
        const [view] = await loadViews(trx, orgId, [c.post_key], now);
        await emit({
          postKey: c.post_key,
          type: 'claim.expired',
          thread: view?.thread ?? null,
          claim: null,
          data: { holderId: c.holder_id, holderName: holder?.name ?? null },
        });
        n++;
      }
      return n;
    });
  }
  return swept;
}
