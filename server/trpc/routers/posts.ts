import { memberProcedure, router } from '../init.ts';
import { zObserveInput, zPostKeysInput } from '../../../shared/domain/schemas/index.ts';
import * as posts from '../../services/procedures/posts.ts';

export const postsRouter = router({
  /** Thread + claim of each post, registering and routing the ones never seen before. */
  observe: memberProcedure
    .input(zObserveInput)
    .mutation(({ ctx, input }) => posts.observe(ctx, input)),
  /** Thread + claim of known posts; unknown keys are left out of the answer. */
  get: memberProcedure.input(zPostKeysInput).query(({ ctx, input }) => posts.get(ctx, input)),
});
