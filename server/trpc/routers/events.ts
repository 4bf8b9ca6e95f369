import { memberProcedure, router } from '../init.ts';
import { zEventsListInput, zStreamInput } from '../../../shared/domain/schemas/index.ts';
import * as events from '../../services/procedures/events.ts';

export const eventsRouter = router({
  /** The org's events after `lastEventId` and then live, each yielded as tracked(id, event). */
  stream: memberProcedure
    .input(zStreamInput)
    .subscription(({ ctx, input, signal }) => events.stream(ctx, input, signal, ctx.socket)),
  /** A page of the log, for audit views and CSV export. */
  list: memberProcedure.input(zEventsListInput).query(({ ctx, input }) => events.list(ctx, input)),
});
