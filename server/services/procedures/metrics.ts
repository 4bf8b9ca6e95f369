import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import { metricsSummary } from '../metrics.ts';
import type { MetricsRange } from '../metrics.ts';

/** metrics.summary: first response, SLA and answers for a time range and departments. */
export function summary({ deps, caller }: Call, range: MetricsRange) {
  authorize(caller, 'metrics.summary');
  return metricsSummary(deps.store, caller.orgId, range);
}
