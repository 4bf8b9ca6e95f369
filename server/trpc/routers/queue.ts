import { memberProcedure, router } from '../init.ts';
import { zQueueInput } from '../../../shared/domain/schemas/index.ts';
import { listQueue } from '../../services/queue.ts';

export const queueRouter = router({
  list: memberProcedure
    .input(zQueueInput)
    .query(({ ctx, input }) =>
      listQueue(ctx.deps.store.db, ctx.deps.store.dialect, ctx.caller.orgId, input),
    ),
});
