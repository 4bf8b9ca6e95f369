import { memberProcedure, router } from '../init.ts';
import {
  zAssignInput,
  zFencedInput,
  zReplyInput,
  zStoryInput,
  zThreadInput,
} from '../../../shared/domain/schemas/index.ts';
import * as threads from '../../services/procedures/threads.ts';
import { recordReply } from '../../services/procedures/replies.ts';

export const threadsRouter = router({
  assign: memberProcedure
    .input(zAssignInput)
    .mutation(({ ctx, input }) => threads.assign(ctx, input)),
  markAnswered: memberProcedure
    .input(zFencedInput)
    .mutation(({ ctx, input }) => threads.markAnswered(ctx, input)),
  /** A reply sent from the site's own reply box: answers the thread at the moment it was sent. */
  recordReply: memberProcedure
    .input(zReplyInput)
    .mutation(({ ctx, input }) => recordReply(ctx, input)),
  resolve: memberProcedure
    .input(zThreadInput)
    .mutation(({ ctx, input }) => threads.resolve(ctx, input)),
  reopen: memberProcedure
    .input(zThreadInput)
    .mutation(({ ctx, input }) => threads.reopen(ctx, input)),
  dismiss: memberProcedure
    .input(zThreadInput)
    .mutation(({ ctx, input }) => threads.dismiss(ctx, input)),
  /** The thread panel: notes (for those who may read them), consults and the timeline. */
  story: memberProcedure.input(zStoryInput).query(({ ctx, input }) => threads.story(ctx, input)),
});
