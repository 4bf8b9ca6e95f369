import { create } from 'zustand';
import type { PeriodDays } from './metrics-query.ts';

/** The period and department the lead chose; kept while they visit the other sections. */
export const useMetricsChoice = create<{
  days: PeriodDays;
  /** '' for every department in scope. */
  departmentId: string;
  choose(patch: { days?: PeriodDays; departmentId?: string }): void;
}>((set) => ({ days: 7, departmentId: '', choose: (patch) => set(patch) }));
