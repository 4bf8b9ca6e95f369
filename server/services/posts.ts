import type { PostRef, Thread } from '../../shared/domain/schemas/index.ts';
import { insertRows } from '../db/dialect.ts';
import type { JsonColumn } from '../db/dialect.ts';
import { matchRule } from '../../shared/domain/routing.ts';
import { slaDueAt } from '../../shared/domain/sla.ts';
import type { Caller, ServerDeps } from './deps.ts';
import { listDepartments } from './departments.ts';
import { listRules } from './rules.ts';
import { toThread } from './views.ts';
import { callerScope, runWrite } from './write.ts';
import type { EventFields } from './event-log.ts';

const THREAD_COLUMNS: Record<string, JsonColumn> = {
  org_id: 'text',
  post_key: 'text',
  platform: 'text',
  url: 'text',
  author_handle: 'text',
  author_name: 'text',
  text: 'text',
  posted_at: 'millis',
  department_id: 'text',
  suggested_department_id: 'text',
  assignee_id: 'text',
  status: 'text',
  version: 'integer',
  first_seen_at: 'millis',
  first_seen_by: 'text',
  answered_at: 'millis',
  answered_by: 'text',
  due_at: 'millis',
  note_count: 'integer',
  waiting_on: 'text',
  answered_without_claim: 'integer',
};

/**
 * Registers posts never seen before in one write, routed by the org's rules (auto rules set the
 * department, suggest rules only propose it), and announces them as `post.seen` / `thread.routed`.
 * Resolves with the threads it made (a post another member registered first is not among them).
 */
export async function registerPosts(
  deps: ServerDeps,
  caller: Caller,
  refs: readonly PostRef[],
): Promise<Thread[]> {
  const scope = callerScope(caller, 'posts.observe', undefined);
  return runWrite(deps, scope, async ({ trx, now, emit, direct }) => {
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
    const rows = routed.map(({ ref, department, auto }) => ({
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
      note_count: 0,
      waiting_on: '[]',
      answered_without_claim: 0,
    }));
    // A post another member registered first is skipped (not returned).
    const store = { dialect: deps.store.dialect, sqlite: direct() };
    const inserted = await insertRows(trx, store, 'threads', THREAD_COLUMNS, rows, {
      conflict: ['org_id', 'post_key'],
      returning: 'post_key',
    });
    const made = new Set(inserted.map((r) => r.post_key));
    const byKey = new Map(
      rows.filter((r) => made.has(r.post_key)).map((r) => [r.post_key, toThread(r)]),
    );
    const events = routed.flatMap(({ ref, rule, department, auto }): EventFields[] => {
      const thread = byKey.get(ref.key);
      if (!thread) return [];
      const base = { postKey: ref.key, thread, claim: null };
      const seen = { ...base, type: 'post.seen' as const, data: { ruleId: rule?.id ?? null } };
      if (!auto) return [seen];
      const to = department!.id;
      const data = { from: null, to, ruleId: rule!.id, automatic: true };
      // The thread once: the routed event right after carries it (half the log's bytes, and of
      // the commit's, for a batch of new posts: issue 11).
      return [
        { ...seen, thread: null },
        { ...base, type: 'thread.routed' as const, data },
      ];
    });
    if (events.length) await emit(...events);
    return [...byKey.values()];
  });
}
