import type { Department, Member, SyncEvent } from '../../shared/domain/schemas/index.ts';
import { zThreadStatus } from '../../shared/domain/schemas/index.ts';
import type { DashboardScope } from './queue-scope.ts';
import { download, toCsv } from './csv.ts';
import { server } from './server-client.ts';

export const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
export const stamp = () => new Date().toISOString().slice(0, 10);

export interface Names {
  departments: Department[];
  members: Member[];
}
export const namer = ({ departments, members }: Names) => ({
  dept: (id: string | null) => departments.find((d) => d.id === id)?.name ?? '',
  member: (id: string | null) => members.find((m) => m.id === id)?.name ?? id ?? '',
});

const THREAD_COLUMNS = [
  ...['postKey', 'platform', 'url', 'authorHandle', 'authorName', 'text', 'status'],
  ...['department', 'assignee', 'answeredBy', 'firstSeenAt', 'answeredAt', 'dueAt'],
  'firstResponseSeconds',
];

/**
 * Threads first seen since `from` in the lead's scope, every status. The queue API returns at
 * most 500 threads (soonest due first), so a busier period is cut there; the count says so.
 */
export async function exportThreads(scope: DashboardScope, from: number, names: Names) {
  const { items } = await server.queue.list.query({
    ...(!scope.all && { departmentIds: scope.departmentIds }),
    status: zThreadStatus.options,
    limit: 500,
  });
  const { dept, member } = namer(names);
  const rows = items
    .map((v) => v.thread)
    .filter((t) => t.firstSeenAt >= from)
    .map((t) => [
      ...[t.postKey, t.platform, t.url, t.authorHandle, t.authorName, t.text, t.status],
      ...[dept(t.departmentId), member(t.assigneeId), member(t.answeredBy)],
      ...[iso(t.firstSeenAt), iso(t.answeredAt), iso(t.dueAt)],
      t.answeredAt === null ? '' : Math.round((t.answeredAt - t.firstSeenAt) / 1000),
    ]);
  download(`switchboard-threads-${stamp()}.csv`, toCsv([THREAD_COLUMNS, ...rows]));
  return rows.length;
}

/** Whether an event concerns the scope: its thread is (or was just moved away from) there. */
function inScope(e: SyncEvent, scope: DashboardScope): boolean {
  if (scope.all) return true;
  const ids = [e.thread?.departmentId, e.data.from].filter((x) => typeof x === 'string');
  return ids.some((id) => scope.departmentIds.includes(id));
}

/** Every event since `from`, paged 1,000 at a time (the log has no time index to seek by). */
export async function forEachEventSince(from: number, visit: (e: SyncEvent) => void) {
  for (let after = 0; ;) {
    const page = await server.events.list.query({ afterId: after, limit: 1000 });
    for (const e of page) if (e.at >= from) visit(e);
    const last = page.at(-1);
    if (page.length < 1000 || !last) break;
    after = last.id;
  }
}

/** The event log since `from` in the lead's scope. */
export async function exportEvents(scope: DashboardScope, from: number, names: Names) {
  const { dept, member } = namer(names);
  const rows: unknown[][] = [
    ['id', 'type', 'at', 'postKey', 'actor', 'department', 'status', 'claimHolder', 'data'],
  ];
  await forEachEventSince(from, (e) => {
    if (inScope(e, scope))
      rows.push([
        ...[e.id, e.type, iso(e.at), e.postKey, member(e.actorId)],
        ...[dept(e.thread?.departmentId ?? null), e.thread?.status ?? ''],
        ...[e.claim?.holderName ?? '', e.data],
      ]);
  });
  download(`switchboard-events-${stamp()}.csv`, toCsv(rows));
  return rows.length - 1;
}
