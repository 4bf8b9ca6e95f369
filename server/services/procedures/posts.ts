import type { PostRef, ThreadView } from '../../../shared/domain/schemas/index.ts';
import { readNow } from '../../db/dialect.ts';
import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import { registerPosts } from '../posts.ts';
import { loadViews } from '../views.ts';

/** posts.*: what the overlay asks about the posts on screen. */

/** Thread + claim of known posts; unknown keys are left out of the answer. */
export async function get(
  { deps, caller }: Call,
  { postKeys }: { postKeys: readonly string[] },
): Promise<ThreadView[]> {
  authorize(caller, 'posts.get');
  const { db, dialect } = deps.store;
  return loadViews(db, caller.orgId, postKeys, await readNow(db, dialect));
}

/** The thread and claim of each visible post: known posts cost one read, unknown ones one write. */
export async function observe(
  { deps, caller }: Call,
  { posts: refs }: { posts: readonly PostRef[] },
): Promise<ThreadView[]> {
  authorize(caller, 'posts.observe');
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
  const made = fresh.length ? await registerPosts(deps, caller, fresh) : [];
  // A thread just made has no claim: only the others are read back.
  const madeByKey = new Map(made.map((t) => [t.postKey, t]));
  const rest = keys.filter((k) => !madeByKey.has(k));
  const views = rest.length
    ? await loadViews(db, caller.orgId, rest, await readNow(db, dialect))
    : [];
  const read = new Map(views.map((v) => [v.thread.postKey, v]));
  return keys.flatMap((key) => {
    const thread = madeByKey.get(key);
    const view = thread ? { thread, claim: null } : read.get(key);
    return view ? [view] : [];
  });
}
