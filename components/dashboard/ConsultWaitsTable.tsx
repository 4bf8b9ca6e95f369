import type { Department } from '../../shared/domain/schemas/index.ts';
import { formatDuration } from './duration.ts';
import type { MetricsSummary } from './metrics-query.ts';

/**
 * Time waiting on other departments, per department asked, the longest waits first: which one
 * keeps posts waiting. Open consults count with their wait so far.
 */
export function ConsultWaitsTable({
  summary,
  departments,
}: {
  summary: MetricsSummary;
  departments: Department[];
}) {
  const name = (id: string) => departments.find((d) => d.id === id)?.name ?? 'Other department';
  return (
    <div className="card">
      <h3>Waiting on other departments</h3>
      {summary.consults.length === 0 ? (
        <p className="muted">No department was consulted in this period.</p>
      ) : (
        <table className="metrics" aria-label="Waiting on other departments">
          <caption className="muted">
            Consults asked in the period and every one still open; open ones count as waiting until
            now.
          </caption>
          <thead>
            <tr>
              <th scope="col">Department asked</th>
              <th scope="col">Median wait</th>
              <th scope="col">p90</th>
              <th scope="col">Open now</th>
              <th scope="col">Oldest open</th>
              <th scope="col">Asked</th>
              <th scope="col">Answered</th>
              <th scope="col">Withdrawn</th>
            </tr>
          </thead>
          <tbody>
            {summary.consults.map((c) => (
              <tr key={c.departmentId} aria-label={`Waits on ${name(c.departmentId)}`}>
                <th scope="row">{name(c.departmentId)}</th>
                <td>{formatDuration(c.waitMedianMs)}</td>
                <td>{formatDuration(c.waitP90Ms)}</td>
                <td data-metric="open-consults" className={c.open > 0 ? 'bad' : ''}>
                  {c.open}
                </td>
                <td>{formatDuration(c.oldestOpenMs)}</td>
                <td>{c.asked}</td>
                <td>{c.answered}</td>
                <td>{c.withdrawn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
