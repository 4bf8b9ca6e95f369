import { create } from 'zustand';
import type {
  Claim,
  Platform,
  ThreadStatus,
  ThreadView,
} from '../../shared/domain/schemas/index.ts';
import { zThreadStatus } from '../../shared/domain/schemas/index.ts';
import { errorText, server } from './server-client.ts';

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
}

interface QueueState {
  scope: DashboardScope;
  filters: QueueFilters;
  queue: ThreadView[];
  /** The server's clock when the queue was read: what it called overdue shows as overdue. */
  serverNow: number;
  /** Server clock minus this browser's clock, so SLA countdowns follow the server. */
  skewMs: number;
  loading: boolean;
  busy: Record<string, boolean>;
  error: string | null;
  message: string | null;
  setScope(scope: DashboardScope): void;
  setFilters(patch: Partial<QueueFilters>): void;
  loadQueue(): Promise<void>;
  /** Runs one row's change and updates that row from the server's answer. */
  act(
    postKey: string,
    label: { action: string; done: string },
    change: () => Promise<ThreadView | { claim: Claim | null }>,
  ): Promise<boolean>;
}

// Answers to an older filter may land after a newer one's; only the latest request may write.
let requestSeq = 0;

/**
 * One department, the lead's departments, or (admins, and the unrouted view) no filter: the queue
 * API has no "no department" filter, so unrouted threads are picked out of the answer (their due
 * time is null, so they sort last).
 */
function departmentQuery(departmentId: string, scope: DashboardScope) {
  if (departmentId && departmentId !== UNROUTED) return { departmentId };
  if (!scope.all && departmentId !== UNROUTED) return { departmentIds: scope.departmentIds };
  return {};
}

export const useQueue = create<QueueState>((set, get) => ({
  scope: { all: false, departmentIds: [] },
  filters: { departmentId: '', platform: '', status: 'open', assigneeId: '', overdue: false },
  queue: [],
  serverNow: 0,
  skewMs: 0,
  // Until the page knows the lead's scope, the empty queue is not an answer yet.
  loading: true,
  busy: {},
  error: null,
  message: null,
  setScope(scope) {
    set({ scope });
    void get().loadQueue();
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch }, message: null });
    void get().loadQueue();
  },
  async loadQueue() {
    const { filters: f, scope } = get();
    if (!scope.all && scope.departmentIds.length === 0) return set({ queue: [] });
    const seq = ++requestSeq;
    set({ loading: true });
    try {
      const { now, items } = await server.queue.list.query({
        ...departmentQuery(f.departmentId, scope),
        ...(f.platform && { platform: f.platform }),
        status: f.status ? [f.status] : zThreadStatus.options,
        ...(f.assigneeId && { assigneeId: f.assigneeId }),
        ...(f.overdue && { overdue: true }),
        limit: 500,
      });
      if (seq !== requestSeq) return;
      const queue =
        f.departmentId === UNROUTED ? items.filter((v) => v.thread.departmentId === null) : items;
      set({ queue, serverNow: now, skewMs: now - Date.now(), error: null });
    } catch (e) {
      if (seq === requestSeq) set({ error: errorText(e) });
    } finally {
      if (seq === requestSeq) set({ loading: false });
    }
  },
  async act(postKey, label, change) {
    set({ busy: { ...get().busy, [postKey]: true } });
    try {
      const result = await change();
      // A refresh that left before this change would bring the row back as it was.
      requestSeq++;
      set({
        loading: false,
        queue: get().queue.map((v) =>
          v.thread.postKey !== postKey ? v : 'thread' in result ? result : { ...v, ...result },
        ),
        message: label.done,
        error: null,
      });
      return true;
    } catch (e) {
      set({ error: `${label.action} failed: ${errorText(e)}`, message: null });
      return false;
    } finally {
      const busy = { ...get().busy };
      delete busy[postKey];
      set({ busy });
    }
  },
}));
