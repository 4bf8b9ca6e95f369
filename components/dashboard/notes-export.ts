import type { SyncEvent } from '../../shared/domain/schemas/index.ts';
import type { DashboardScope } from './queue-scope.ts';
import { download, toCsv } from './csv.ts';
import { forEachEventSince, iso, namer, stamp } from './csv-export.ts';
import type { Names } from './csv-export.ts';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * A note concerns the lead's scope when its thread is theirs, or when it asks (or answers) one
 * of their departments: a Legal lead exports what Legal was asked on others' posts.
 */
function noteInScope(e: SyncEvent, scope: DashboardScope): boolean {
  if (scope.all) return true;
  const mentions = e.data.mentions as { departmentIds?: unknown } | undefined;
  const ids = [
    e.thread?.departmentId,
    ...(e.thread?.waitingOn.map((w) => w.departmentId) ?? []),
    ...strings(mentions?.departmentIds),
  ];
  return ids.some((id) => typeof id === 'string' && scope.departmentIds.includes(id));
}

const COLUMNS = [
  ...['id', 'at', 'postKey', 'url', 'department', 'author', 'kind'],
  ...['mentionsMembers', 'mentionsDepartments', 'text'],
];

/** Internal notes since `from` (questions and answers to consults included), oldest first. */
export async function exportNotes(scope: DashboardScope, from: number, names: Names) {
  const { dept, member } = namer(names);
  const rows: unknown[][] = [COLUMNS];
  await forEachEventSince(from, (e) => {
    if (e.type !== 'note.added' || !noteInScope(e, scope)) return;
    const mentions = e.data.mentions as { memberIds?: unknown; departmentIds?: unknown };
    rows.push([
      ...[e.id, iso(e.at), e.postKey, e.thread?.url ?? '', dept(e.thread?.departmentId ?? null)],
      ...[member(e.actorId), typeof e.data.kind === 'string' ? e.data.kind : 'note'],
      strings(mentions?.memberIds).map(member).join('; '),
      strings(mentions?.departmentIds).map(dept).join('; '),
      // A note kept from this reader (event-visibility) exports as such, never as empty text.
      typeof e.data.text === 'string' ? e.data.text : '(not visible to you)',
    ]);
  });
  download(`switchboard-notes-${stamp()}.csv`, toCsv(rows));
  return rows.length - 1;
}
