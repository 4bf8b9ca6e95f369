import { memberProcedure, router } from '../init.ts';
import {
  zAssignInput,
  zFencedInput,
  zNoteInput,
  zThreadInput,
} from '../../../shared/domain/schemas/index.ts';
import { addNote, assignThread, moveThread } from '../../services/threads.ts';

export const threadsRouter = router({
  assign: memberProcedure
    .input(zAssignInput)
    .mutation(({ ctx, input }) => assignThread(ctx.deps, ctx.caller, input)),
  markAnswered: memberProcedure
    .input(zFencedInput)
    .mutation(({ ctx, input }) => moveThread(ctx.deps, ctx.caller, 'answer', input)),
  resolve: memberProcedure
    .input(zThreadInput)
    .mutation(({ ctx, input }) => moveThread(ctx.deps, ctx.caller, 'resolve', input)),
  reopen: memberProcedure
    .input(zThreadInput)
    .mutation(({ ctx, input }) => moveThread(ctx.deps, ctx.caller, 'reopen', input)),
  dismiss: memberProcedure
    .input(zThreadInput)
    .mutation(({ ctx, input }) => moveThread(ctx.deps, ctx.caller, 'dismiss', input)),
  note: memberProcedure
    .input(zNoteInput)
    .mutation(({ ctx, input }) => addNote(ctx.deps, ctx.caller, input)),
});
