import { leadProcedure, memberProcedure, router } from '../init.ts';
import {
  zIdInput,
  zRuleCreate,
  zRuleReorder,
  zRuleTest,
  zRuleUpdate,
} from '../../../shared/domain/schemas/index.ts';
import { matchRule } from '../../../shared/domain/routing.ts';
import {
  createRule,
  deleteRule,
  listRules,
  reorderRules,
  updateRule,
} from '../../services/rules.ts';
import { runWrite } from '../../services/write.ts';
import type { Context } from '../context.ts';
import type { Caller } from '../../services/deps.ts';

const scope = (
  ctx: Context & { caller: Caller },
  procedure: string,
  clientMutationId?: string,
) => ({
  orgId: ctx.caller.orgId,
  memberId: ctx.caller.id,
  clientMutationId,
  procedure,
});

export const rulesRouter = router({
  list: memberProcedure.query(({ ctx }) => listRules(ctx.deps.store.db, ctx.caller.orgId)),
  create: leadProcedure.input(zRuleCreate).mutation(({ ctx, input }) => {
    const { clientMutationId, ...rule } = input;
    return runWrite(ctx.deps, scope(ctx, 'rules.create', clientMutationId), ({ trx, now }) =>
      createRule(trx, ctx.caller.orgId, rule, now),
    );
  }),
  update: leadProcedure.input(zRuleUpdate).mutation(({ ctx, input }) => {
    const { id, clientMutationId, ...patch } = input;
    return runWrite(ctx.deps, scope(ctx, 'rules.update', clientMutationId), ({ trx }) =>
      updateRule(trx, ctx.caller.orgId, id, patch),
    );
  }),
  delete: leadProcedure.input(zIdInput).mutation(({ ctx, input }) =>
    runWrite(ctx.deps, scope(ctx, 'rules.delete', input.clientMutationId), async ({ trx }) => {
      await deleteRule(trx, ctx.caller.orgId, input.id);
      return { deleted: input.id };
    }),
  ),
  reorder: leadProcedure
    .input(zRuleReorder)
    .mutation(({ ctx, input }) =>
      runWrite(ctx.deps, scope(ctx, 'rules.reorder', input.clientMutationId), ({ trx }) =>
        reorderRules(trx, ctx.caller.orgId, input.ids),
      ),
    ),
  /** Which rule a sample post hits, for the rules editor's test box. */
  test: memberProcedure.input(zRuleTest).query(async ({ ctx, input }) => {
    const rule = matchRule(await listRules(ctx.deps.store.db, ctx.caller.orgId), input);
    return { rule };
  }),
});
