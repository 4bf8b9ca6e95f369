import { memberProcedure, router } from '../init.ts';
import { zNoteInput } from '../../../shared/domain/schemas/index.ts';
import * as notes from '../../services/procedures/notes.ts';

export const notesRouter = router({
  /** An internal note (never posted to the site); `#Department` in it asks that department. */
  add: memberProcedure.input(zNoteInput).mutation(({ ctx, input }) => notes.add(ctx, input)),
});
