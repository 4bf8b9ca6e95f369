import { sql } from 'kysely';
import type { PostRef, ThreadView } from '../../shared/domain/schemas/index.ts';
import { matchRule } from '../../shared/domain/routing.ts';
import { slaDueAt } from '../../shared/domain/sla.ts';
import { dbNow } from '../db/clock.ts';
import type { Caller, ServerDeps } from './deps.ts';
import { listDepartments } from './departments.ts';
import { appendEvent } from './event-log.ts';
import { listRules } from './rules.ts';
import { loadViews, toThread } from './views.ts';
import { runWrite } from './write.ts';

/**
 * The thread and claim of each visible post. Known posts cost one read; unknown ones are
 * registered in one write, routed by the org's rules (auto rules set the department, suggest
 * rules only propose it), and announced as `post.seen` / `thread.routed` events.
 */
export async function observePosts(
  deps: ServerDeps,
  caller: Caller,
  refs: readonly PostRef[],
): Promise<ThreadView[]> {
  const { db, dialect } = deps.store;
  const unique = [...new Map(refs.map((r) => [r.key, r])).values()];
  const keys = unique.map((r) => r.key);
  const known = await db
    .selectFrom('threads')
    .select('post_key')
    .where('org_id', '=', caller.orgId)
    .where('post_key', 'in', keys)
    .execute();
  const knownKeys = new Set(known.map((k) => k.post_key));
  const fresh = unique.filter((r) => !knownKeys.has(r.key));
  if (fresh.length) await registerPosts(deps, caller, fresh);
  const { rows } = await sql<{ now: number }>`select ${dbNow(dialect)} as now`.execute(db);
  return loadViews(db, caller.orgId, keys, Number(rows[0]!.now));
}

async function registerPosts(deps: ServerDeps, caller: Caller, refs: readonly PostRef[]) {
  const { dialect } = deps.store;
  await runWrite(deps, { orgId: caller.orgId, memberId: caller.id }, async ({ trx, now }) => {
    const rules = await listRules(trx, caller.orgId);
    const departments = new Map((await listDepartments(trx, caller.orgId)).map((d) => [d.id, d]));
    for (const ref of refs) {
      const rule = matchRule(rules, {
        platform: ref.platform,
        text: ref.text,
        authorHandle: ref.author.handle,
      });
      const department = rule ? departments.get(rule.departmentId) : undefined;
      const auto = rule?.mode === 'auto' && department;
      const inserted = await trx
        .insertInto('threads')
        .values({
          org_id: caller.orgId,
          post_key: ref.key,
          platform: ref.platform,
          url: ref.url,
          author_handle: ref.author.handle,
          author_name: ref.author.name,
          text: ref.text,
          posted_at: ref.postedAt ? Date.parse(ref.postedAt) : null,
          department_id: auto ? department.id : null,
          suggested_department_id: !auto && department ? department.id : null,
          assignee_id: null,
          status: 'open',
          version: 1,
          first_seen_at: now,
          first_seen_by: caller.id,
          answered_at: null,
          answered_by: null,
          due_at: auto ? slaDueAt(now, department.slaMinutes) : null,
        })
        .onConflict((oc) => oc.columns(['org_id', 'post_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) continue; // another member registered it first
      const thread = toThread(inserted);
      const base = {
        orgId: caller.orgId,
        postKey: ref.key,
        actorId: caller.id,
        at: now,
        thread,
        claim: null,
      };
      await appendEvent(trx, dialect, {
        ...base,
        type: 'post.seen',
        data: { ruleId: rule?.id ?? null },
      });
      if (auto)
        await appendEvent(trx, dialect, {
          ...base,
          type: 'thread.routed',
          data: { from: null, to: department.id, ruleId: rule.id, automatic: true },
        });
    }
  });
}
