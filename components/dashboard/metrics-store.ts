import { create } from 'zustand';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import type { DashboardScope } from './dashboard-store.ts';
import { errorText, server } from './server-client.ts';

export type MetricsSummary = inferRouterOutputs<AppRouter>['metrics']['summary'];

export const DAY_MS = 86_400_000;
export const PERIODS = [
  { days: 1, label: 'Last 24 hours' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
] as const;
export type PeriodDays = (typeof PERIODS)[number]['days'];

/** The period asked for, as the server was asked (for the chart's empty days and the exports). */
export interface MetricsRange {
  from: number;
  to: number;
  utcOffsetMinutes: number;
}

interface MetricsState {
  days: PeriodDays;
  /** '' for every department in scope. */
  departmentId: string;
  summary: MetricsSummary | null;
  range: MetricsRange | null;
  loading: boolean;
  error: string | null;
  choose(patch: { days?: PeriodDays; departmentId?: string }, scope: DashboardScope): void;
  load(scope: DashboardScope): Promise<void>;
  setError(error: string | null): void;
}

let requestSeq = 0;

export const useMetrics = create<MetricsState>((set, get) => ({
  days: 7,
  departmentId: '',
  summary: null,
  range: null,
  loading: false,
  error: null,
  choose(patch, scope) {
    set(patch);
    void get().load(scope);
  },
  async load(scope) {
    const { days, departmentId } = get();
    if (!scope.all && scope.departmentIds.length === 0) return;
    const to = Date.now();
    // getTimezoneOffset is minutes *behind* UTC; the server wants minutes ahead.
    const range = {
      from: to - days * DAY_MS,
      to,
      utcOffsetMinutes: -new Date().getTimezoneOffset(),
    };
    const seq = ++requestSeq;
    set({ loading: true });
    try {
      const summary = await server.metrics.summary.query({
        from: range.from,
        utcOffsetMinutes: range.utcOffsetMinutes,
        ...(departmentId ? { departmentId } : !scope.all && { departmentIds: scope.departmentIds }),
      });
      if (seq === requestSeq) set({ summary, range, error: null });
    } catch (e) {
      if (seq === requestSeq) set({ error: errorText(e) });
    } finally {
      if (seq === requestSeq) set({ loading: false });
    }
  },
  setError(error) {
    set({ error });
  },
}));

/** Local-midnight day keys of the period, as the server buckets them (see metrics.ts). */
export function periodDays(range: MetricsRange): number[] {
  const offset = range.utcOffsetMinutes * 60_000;
  const key = (t: number) => Math.floor((t + offset) / DAY_MS) * DAY_MS - offset;
  const days: number[] = [];
  for (let d = key(range.from); d <= range.to; d += DAY_MS) days.push(d);
  return days;
}
