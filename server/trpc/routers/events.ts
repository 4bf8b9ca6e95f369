import { memberProcedure, router } from '../init.ts';
import { zStreamInput } from '../../../shared/domain/schemas/index.ts';
import { streamEvents } from '../../realtime/event-stream.ts';
import { eventsAfter } from '../../services/event-log.ts';
import { z } from 'zod';

export const eventsRouter = router({
  /** The org's events after `lastEventId` and then live, each yielded as tracked(id, event). */
  stream: memberProcedure.input(zStreamInput).subscription(({ ctx, input, signal }) => {
    const last =
      input.lastEventId === undefined || input.lastEventId === null
        ? null
        : Number(input.lastEventId);
    return streamEvents(ctx.deps, ctx.caller.orgId, last, signal);
  }),
  /** A page of the log, for audit views and CSV export. */
  list: memberProcedure
    .input(
      z.object({
        afterId: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      }),
    )
    .query(({ ctx, input }) =>
      eventsAfter(ctx.deps.store.db, ctx.caller.orgId, input.afterId, input.limit),
    ),
});
