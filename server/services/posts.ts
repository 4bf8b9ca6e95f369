import type { PostRef } from '../../shared/domain/schemas/index.ts';
import { matchRule } from '../../shared/domain/routing.ts';
import { slaDueAt } from '../../shared/domain/sla.ts';
import type { Caller, ServerDeps } from './deps.ts';
import { listDepartments } from './departments.ts';
import { listRules } from './rules.ts';
import { toThread } from './views.ts';
import { callerScope, runWrite } from './write.ts';

/**
 * Registers posts never seen before in one write, routed by the org's rules (auto rules set the
 * department, suggest rules only propose it), and announces them as `post.seen` / `thread.routed`.
 */
export async function registerPosts(deps: ServerDeps, caller: Caller, refs: readonly PostRef[]) {
  const scope = callerScope(caller, 'posts.observe', undefined);
  await runWrite(deps, scope, async ({ trx, now, emit }) => {
    const rules = await listRules(trx, caller.orgId);
    const departments = new Map((await listDepartments(trx, caller.orgId)).map((d) => [d.id, d]));
    const routed = refs.map((ref) => {
      const rule = matchRule(rules, {
        platform: ref.platform,
        text: ref.text,
        authorHandle: ref.author.handle,
      });
      const department = rule ? departments.get(rule.departmentId) : undefined;
      return { ref, rule, department, auto: rule?.mode === 'auto' && department !== undefined };
    });
    // One insert for all; a post another member registered first is skipped (not returned).
    const inserted = await trx
      .insertInto('threads')
      .values(
        routed.map(({ ref, department, auto }) => ({
          org_id: caller.orgId,
          post_key: ref.key,
          platform: ref.platform,
          url: ref.url,
          author_handle: ref.author.handle,
          author_name: ref.author.name,
          text: ref.text,
          posted_at: ref.postedAt ? Date.parse(ref.postedAt) : null,
          department_id: auto ? department!.id : null,
          suggested_department_id: !auto && department ? department.id : null,
          assignee_id: null,
          status: 'open' as const,
          version: 1,
          first_seen_at: now,
          first_seen_by: caller.id,
          answered_at: null,
          answered_by: null,
          due_at: auto ? slaDueAt(now, department!.slaMinutes) : null,
        })),
      )
      .onConflict((oc) => oc.columns(['org_id', 'post_key']).doNothing())
      .returningAll()
      .execute();
    const byKey = new Map(inserted.map((row) => [row.post_key, toThread(row)]));
    const events = routed.flatMap(({ ref, rule, department, auto }) => {
      const thread = byKey.get(ref.key);
      if (!thread) return [];
      const base = { postKey: ref.key, thread, claim: null };
      const seen = { ...base, type: 'post.seen' as const, data: { ruleId: rule?.id ?? null } };
      if (!auto) return [seen];
      const to = department!.id;
      const data = { from: null, to, ruleId: rule!.id, automatic: true };
      return [seen, { ...base, type: 'thread.routed' as const, data }];
    });
    if (events.length) await emit(...events);
  });
}
