import { create } from 'zustand';
import type { Platform, ThreadStatus, ThreadView } from '../../shared/schemas/index.ts';
import { errorText, server } from './server-client.ts';

export interface QueueFilters {
  departmentId: string;
  platform: Platform | '';
  status: ThreadStatus | '';
  assigneeId: string;
  overdue: boolean;
}

interface DashboardState {
  filters: QueueFilters;
  queue: ThreadView[];
  now: number;
  loading: boolean;
  error: string | null;
  message: string | null;
  setFilters(patch: Partial<QueueFilters>): void;
  loadQueue(): Promise<void>;
  /** Runs a change, says what happened, reloads the queue. */
  run(label: string, change: () => Promise<unknown>): Promise<boolean>;
}

/** The dashboard's state, fed only through the background (see server-client.ts). */
export const useDashboard = create<DashboardState>((set, get) => ({
  filters: { departmentId: '', platform: '', status: 'open', assigneeId: '', overdue: false },
  queue: [],
  now: Date.now(),
  loading: false,
  error: null,
  message: null,
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    void get().loadQueue();
  },
  async loadQueue() {
    const f = get().filters;
    set({ loading: true });
    try {
      const { now, items } = await server.queue.list.query({
        ...(f.departmentId && { departmentId: f.departmentId }),
        ...(f.platform && { platform: f.platform }),
        status: f.status ? [f.status] : ['open', 'answered', 'resolved', 'dismissed'],
        ...(f.assigneeId && { assigneeId: f.assigneeId }),
        ...(f.overdue && { overdue: true }),
        limit: 200,
      });
      set({ queue: items, now, error: null });
    } catch (e) {
      set({ error: errorText(e) });
    } finally {
      set({ loading: false });
    }
  },
  async run(label, change) {
    try {
      await change();
      set({ message: label, error: null });
      await get().loadQueue();
      return true;
    } catch (e) {
      set({ error: `${label} failed: ${errorText(e)}` });
      return false;
    }
  },
}));
