import type { Platform, ThreadStatus } from '../../shared/domain/schemas/index.ts';

/** Which departments the dashboard shows: a lead's own, or (admins) all of them. */
export interface DashboardScope {
  all: boolean;
  departmentIds: string[];
}

/** `departmentId` is '' for every department in scope, or UNROUTED. */
export const UNROUTED = 'unrouted';

export interface QueueFilters {
  departmentId: string;
  platform: Platform | '';
  status: ThreadStatus | '';
  assigneeId: string;
  overdue: boolean;
  /** Threads of any department waiting on one of the lead's (or on the department chosen). */
  waitingOnMine: boolean;
}
