import { memberProcedure, router } from '../init.ts';
import { zMetricsInput } from '../../../shared/domain/schemas/index.ts';
import * as metrics from '../../services/procedures/metrics.ts';

export const metricsRouter = router({
  summary: memberProcedure
    .input(zMetricsInput)
    .query(({ ctx, input }) => metrics.summary(ctx, input)),
});
