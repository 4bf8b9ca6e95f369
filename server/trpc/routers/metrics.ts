import { memberProcedure, router } from '../init.ts';
import { zMetricsInput } from '../../../shared/domain/schemas/index.ts';
import { metricsSummary } from '../../services/metrics.ts';

export const metricsRouter = router({
  summary: memberProcedure
    .input(zMetricsInput)
    .query(({ ctx, input }) =>
      metricsSummary(ctx.deps.store.db, ctx.deps.store.dialect, ctx.caller.orgId, input),
    ),
});
