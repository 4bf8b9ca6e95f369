import { memberProcedure, router } from '../init.ts';
import { zQueueInput } from '../../../shared/domain/schemas/index.ts';
import * as queue from '../../services/procedures/queue.ts';

export const queueRouter = router({
  list: memberProcedure.input(zQueueInput).query(({ ctx, input }) => queue.list(ctx, input)),
});
