import { authorize } from '../authorize.ts';
import type { Call } from '../deps.ts';
import { listQueue } from '../queue.ts';
import type { QueueFilter } from '../queue.ts';

/** queue.list: open threads by SLA due time, filtered (a member's queue, a lead's dashboard). */
export function list({ deps, caller }: Call, filter: QueueFilter) {
  authorize(caller, 'queue.list');
  return listQueue(deps.store, caller.orgId, filter);
}
