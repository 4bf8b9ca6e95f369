import type { OverlayView } from '../messaging/protocol.ts';

/** Whether two views draw the same badge: the cache's view and the server's usually do. */
function sameBadge(a: OverlayView, b: OverlayView): boolean {
  const [s, t] = [a.thread, b.thread];
  return (
    s.version === t.version &&
    s.status === t.status &&
    s.departmentId === t.departmentId &&
    s.suggestedDepartmentId === t.suggestedDepartmentId &&
    s.assigneeId === t.assigneeId &&
    s.dueAt === t.dueAt &&
    s.firstSeenAt === t.firstSeenAt &&
    s.noteCount === t.noteCount &&
    s.waitingOn.map((w) => w.consultId).join() === t.waitingOn.map((w) => w.consultId).join() &&
    a.claim?.holderId === b.claim?.holderId &&
    a.claim?.holderName === b.claim?.holderName &&
    !a.pending === !b.pending
  );
}

/**
 * A view older than the one shown (lower thread version) is a late echo and is ignored; one that
 * draws the same badge keeps the shown object, so its badge does not render again.
 */
export function mergeViews(
  current: ReadonlyMap<string, OverlayView>,
  incoming: readonly OverlayView[],
): { views: Map<string, OverlayView>; changed: string[] } {
  const views = new Map(current);
  const changed: string[] = [];
  for (const view of incoming) {
    const shown = views.get(view.thread.postKey);
    if (shown && (view.thread.version < shown.thread.version || sameBadge(shown, view))) continue;
    views.set(view.thread.postKey, view);
    changed.push(view.thread.postKey);
  }
  return { views, changed };
}
