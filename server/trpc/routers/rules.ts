import { memberProcedure, router } from '../init.ts';
import {
  zIdInput,
  zRuleCreate,
  zRuleReorder,
  zRuleTest,
  zRuleUpdate,
} from '../../../shared/domain/schemas/index.ts';
import * as rules from '../../services/procedures/rules.ts';

export const rulesRouter = router({
  list: memberProcedure.query(({ ctx }) => rules.list(ctx)),
  create: memberProcedure.input(zRuleCreate).mutation(({ ctx, input }) => rules.create(ctx, input)),
  update: memberProcedure.input(zRuleUpdate).mutation(({ ctx, input }) => rules.update(ctx, input)),
  delete: memberProcedure.input(zIdInput).mutation(({ ctx, input }) => rules.remove(ctx, input)),
  reorder: memberProcedure
    .input(zRuleReorder)
    .mutation(({ ctx, input }) => rules.reorder(ctx, input)),
  /** Which rule a sample post hits, for the rules editor's test box. */
  test: memberProcedure.input(zRuleTest).query(({ ctx, input }) => rules.test(ctx, input)),
});
