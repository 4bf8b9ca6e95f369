import { sql } from 'kysely';
import { memberProcedure, router } from '../init.ts';
import { zObserveInput, zPostKeysInput } from '../../../shared/domain/schemas/index.ts';
import { observePosts } from '../../services/posts.ts';
import { loadViews } from '../../services/views.ts';
import { dbNow } from '../../db/clock.ts';

export const postsRouter = router({
  /** Thread + claim of each post, registering and routing the ones never seen before. */
  observe: memberProcedure
    .input(zObserveInput)
    .mutation(({ ctx, input }) => observePosts(ctx.deps, ctx.caller, input.posts)),
  /** Thread + claim of known posts; unknown keys are left out of the answer. */
  get: memberProcedure.input(zPostKeysInput).query(async ({ ctx, input }) => {
    const { db, dialect } = ctx.deps.store;
    const { rows } = await sql<{ now: number }>`select ${dbNow(dialect)} as now`.execute(db);
    return loadViews(db, ctx.caller.orgId, input.postKeys, Number(rows[0]!.now));
  }),
});
