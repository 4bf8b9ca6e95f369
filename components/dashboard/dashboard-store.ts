import { create } from 'zustand';
import type { Claim, ThreadView } from '../../shared/domain/schemas/index.ts';
import type { DashboardScope, QueueFilters } from './queue-scope.ts';
import { changeRow } from './queue-query.ts';
import { errorText } from './server-client.ts';

/** What the lead chose and did on the queue; the rows themselves are queries (queue-query.ts). */
interface QueueState {
  scope: DashboardScope;
  filters: QueueFilters;
  busy: Record<string, boolean>;
  error: string | null;
  message: string | null;
  /** The thread whose notes and timeline are open (the same panel as on the site). */
  openThread: string | null;
  setOpenThread(postKey: string | null): void;
  setScope(scope: DashboardScope): void;
  setFilters(patch: Partial<QueueFilters>): void;
  /** Runs one row's change and updates that row from the server's answer. */
  act(
    postKey: string,
    label: { action: string; done: string },
    change: () => Promise<ThreadView | { claim: Claim | null }>,
  ): Promise<boolean>;
}

export const useQueue = create<QueueState>((set, get) => ({
  scope: { all: false, departmentIds: [] },
  filters: {
    departmentId: '',
    platform: '',
    status: 'open',
    assigneeId: '',
    overdue: false,
    waitingOnMine: false,
  },
  busy: {},
  error: null,
  message: null,
  openThread: null,
  setOpenThread(postKey) {
    set({ openThread: postKey });
  },
  setScope(scope) {
    set({ scope });
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch }, message: null, error: null });
  },
  async act(postKey, label, change) {
    set({ busy: { ...get().busy, [postKey]: true } });
    try {
      const result = await change();
      await changeRow(get().filters, get().scope, postKey, result);
      set({ message: label.done, error: null });
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
