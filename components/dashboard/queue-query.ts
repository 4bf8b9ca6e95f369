import { keepPreviousData } from '@tanstack/react-query';
import type { Claim, ThreadView } from '../../shared/domain/schemas/index.ts';
import { zThreadStatus } from '../../shared/domain/schemas/index.ts';
import type { DashboardScope, QueueFilters } from './queue-scope.ts';
import { UNROUTED } from './queue-scope.ts';
import { queryClient, trpc } from './server-client.ts';

// Others claim, answer and route while the lead watches; the page gets no event pushes, so it
// asks again now and then (only while the page is visible; SLA countdowns tick in between).
const REFRESH_MS = 30_000;

/**
 * One department, the lead's departments, or (admins, and the unrouted view) no filter: the queue
 * API has no "no department" filter, so unrouted threads are picked out of the answer (their due
 * time is null, so they sort last).
 */
function departmentQuery(departmentId: string, scope: DashboardScope, waitingOnMine: boolean) {
  // What my departments are asked about belongs to other departments: filter by the consult.
  if (waitingOnMine)
    return {
      waitingOn: departmentId && departmentId !== UNROUTED ? [departmentId] : scope.departmentIds,
    };
  if (departmentId && departmentId !== UNROUTED) return { departmentId };
  if (!scope.all && departmentId !== UNROUTED) return { departmentIds: scope.departmentIds };
  return {};
}

function queueInput(f: QueueFilters, scope: DashboardScope) {
  return {
    ...departmentQuery(f.departmentId, scope, f.waitingOnMine),
    ...(f.platform && { platform: f.platform }),
    status: f.status ? [f.status] : zThreadStatus.options,
    ...(f.assigneeId && { assigneeId: f.assigneeId }),
    ...(f.overdue && { overdue: true }),
    limit: 500,
  };
}

/** The queue for these filters; the rows of the previous filters stay until the answer comes. */
export function queueQueryOptions(f: QueueFilters, scope: DashboardScope) {
  return trpc.queue.list.queryOptions(queueInput(f, scope), {
    // Until the page knows the lead's scope, an empty queue is not an answer yet.
    enabled: scope.all || scope.departmentIds.length > 0,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    select: (answer) =>
      f.departmentId === UNROUTED && !f.waitingOnMine
        ? { ...answer, items: answer.items.filter((v) => v.thread.departmentId === null) }
        : answer,
  });
}

/**
 * Puts one row's change (the server's answer to it) into the queue on screen. A refresh that
 * left before the change would bring the row back as it was: it is cancelled first.
 */
export async function changeRow(
  f: QueueFilters,
  scope: DashboardScope,
  postKey: string,
  result: ThreadView | { claim: Claim | null },
) {
  const { queryKey } = queueQueryOptions(f, scope);
  await queryClient.cancelQueries({ queryKey });
  queryClient.setQueryData(queryKey, (old) =>
    old
      ? {
          ...old,
          items: old.items.map((v) =>
            v.thread.postKey !== postKey ? v : 'thread' in result ? result : { ...v, ...result },
          ),
        }
      : old,
  );
}
