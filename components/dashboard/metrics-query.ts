import { useMemo, useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import type { DashboardScope } from './queue-scope.ts';
import { trpc } from './server-client.ts';

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

function rangeOf(days: PeriodDays): MetricsRange {
  const to = Date.now();
  // getTimezoneOffset is minutes *behind* UTC; the server wants minutes ahead.
  return { from: to - days * DAY_MS, to, utcOffsetMinutes: -new Date().getTimezoneOffset() };
}

/**
 * The metrics of a period ending now (fixed when the choice is made, so the query stays one
 * query), for one department or the lead's scope. The previous choice's figures stay on screen,
 * with their own range, until the new ones arrive.
 */
export function useMetricsSummary(scope: DashboardScope, days: PeriodDays, departmentId: string) {
  const scopeKey = `${scope.all}:${scope.departmentIds.join(',')}`;
  const range = useMemo(() => rangeOf(days), [days, departmentId, scopeKey]);
  const query = useQuery(
    trpc.metrics.summary.queryOptions(
      {
        from: range.from,
        utcOffsetMinutes: range.utcOffsetMinutes,
        ...(departmentId ? { departmentId } : !scope.all && { departmentIds: scope.departmentIds }),
      },
      { enabled: scope.all || scope.departmentIds.length > 0, placeholderData: keepPreviousData },
    ),
  );
  const shownRange = useRef<MetricsRange | null>(null);
  if (query.data && !query.isPlaceholderData) shownRange.current = range;
  return {
    summary: query.data ?? null,
    range: query.data ? shownRange.current : null,
    error: query.error,
  };
}

/** Local-midnight day keys of the period, as the server buckets them (see metrics.ts). */
export function periodDays(range: MetricsRange): number[] {
  const offset = range.utcOffsetMinutes * 60_000;
  const key = (t: number) => Math.floor((t + offset) / DAY_MS) * DAY_MS - offset;
  const days: number[] = [];
  for (let d = key(range.from); d <= range.to; d += DAY_MS) days.push(d);
  return days;
}
