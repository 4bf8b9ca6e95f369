import type { Department } from '../../shared/domain/schemas/index.ts';
import { formatDuration } from './duration.ts';
import type { MetricsSummary } from './metrics-query.ts';

type Row = MetricsSummary['departments'][number];

const empty = (departmentId: string | null): Row => ({
  departmentId,
  seen: 0,
  answered: 0,
  open: 0,
  overdue: 0,
  breaches: 0,
  slaMetPercent: null,
  firstResponseMedianMs: null,
  firstResponseP90Ms: null,
});

/** One row per department shown (quiet ones too, as zeros), then unrouted threads if any. */
export function MetricsTable({ summary, shown }: { summary: MetricsSummary; shown: Department[] }) {
  const rows = shown.map(
    (d) => summary.departments.find((r) => r.departmentId === d.id) ?? empty(d.id),
  );
  const unrouted = summary.departments.find((r) => r.departmentId === null);
  if (unrouted) rows.push(unrouted);
  const name = (id: string | null) => shown.find((d) => d.id === id)?.name ?? 'Unrouted';
  return (
    <table className="metrics">
      <caption className="muted">
        Response times of threads first seen in the period; open and overdue as of now.
      </caption>
      <thead>
        <tr>
          <th scope="col">Department</th>
          <th scope="col">Median first response</th>
          <th scope="col">p90</th>
          <th scope="col">SLA met</th>
          <th scope="col">Seen</th>
          <th scope="col">Answered</th>
          <th scope="col">Open</th>
          <th scope="col">Overdue</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.departmentId ?? 'none'} aria-label={`Metrics for ${name(d.departmentId)}`}>
            <th scope="row">{name(d.departmentId)}</th>
            <td>{formatDuration(d.firstResponseMedianMs)}</td>
            <td>{formatDuration(d.firstResponseP90Ms)}</td>
            <td className={d.slaMetPercent !== null && d.slaMetPercent < 90 ? 'bad' : ''}>
              {d.slaMetPercent === null ? '–' : `${d.slaMetPercent}%`}
            </td>
            <td>{d.seen}</td>
            <td>{d.answered}</td>
            <td data-metric="open">{d.open}</td>
            <td data-metric="overdue" className={d.overdue > 0 ? 'bad' : ''}>
              {d.overdue}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
