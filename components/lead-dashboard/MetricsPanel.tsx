import { useEffect, useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import type { Department, Member } from '../../shared/schemas/index.ts';
import { errorText, server } from './server-client.ts';
import { ResponseChart } from './ResponseChart.tsx';
import { download, toCsv } from './csv.ts';

type Summary = inferRouterOutputs<AppRouter>['metrics']['summary'];
const PERIODS = { '24 hours': 1, '7 days': 7, '30 days': 30 } as const;
const mins = (ms: number | null) => (ms === null ? '–' : `${Math.round(ms / 6_000) / 10} min`);

async function exportThreads() {
  const { items } = await server.queue.list.query({
    status: ['open', 'answered', 'resolved', 'dismissed'],
    limit: 500,
  });
  const head = [
    'postKey',
    'platform',
    'url',
    'author',
    'text',
    'status',
    'departmentId',
    'assigneeId',
    'firstSeenAt',
    'answeredAt',
    'dueAt',
  ];
  const rows = items.map(({ thread: t }) => [
    t.postKey,
    t.platform,
    t.url,
    t.authorHandle,
    t.text,
    t.status,
    t.departmentId,
    t.assigneeId,
    iso(t.firstSeenAt),
    iso(t.answeredAt),
    iso(t.dueAt),
  ]);
  download('switchboard-threads.csv', toCsv([head, ...rows]));
}

async function exportEvents() {
  const rows: unknown[][] = [['id', 'type', 'postKey', 'actorId', 'at', 'data']];
  for (let after = 0; ;) {
    const page = await server.events.list.query({ afterId: after, limit: 1000 });
    for (const e of page) rows.push([e.id, e.type, e.postKey, e.actorId, iso(e.at), e.data]);
    if (page.length < 1000) break;
    after = page.at(-1)!.id;
  }
  download('switchboard-events.csv', toCsv(rows));
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** First response per department over a period, SLA met, open and overdue, answers per person. */
export function MetricsPanel({
  departments,
  members,
}: {
  departments: Department[];
  members: Member[];
}) {
  const [period, setPeriod] = useState<keyof typeof PERIODS>('7 days');
  const [data, setData] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const from = Date.now() - PERIODS[period] * 86_400_000;
    server.metrics.summary.query({ from }).then(setData, (e) => setError(errorText(e)));
  }, [period]);
  const name = (id: string | null) => departments.find((d) => d.id === id)?.name ?? 'Unrouted';
  return (
    <section aria-label="Metrics" className="stack">
      <div className="row">
        <label>
          Period
          <select
            value={period}
            onChange={(e) => setPeriod(e.target.value as keyof typeof PERIODS)}
          >
            {Object.keys(PERIODS).map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => void exportThreads().catch((e) => setError(errorText(e)))}
        >
          Export threads (CSV)
        </button>
        <button
          type="button"
          onClick={() => void exportEvents().catch((e) => setError(errorText(e)))}
        >
          Export events (CSV)
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {data && (
        <>
          <table className="metrics">
            <thead>
              <tr>
                <th>Department</th>
                <th>Median first response</th>
                <th>p90</th>
                <th>SLA met</th>
                <th>Open</th>
                <th>Overdue</th>
                <th>Answered</th>
              </tr>
            </thead>
            <tbody>
              {data.departments.map((d) => (
                <tr
                  key={d.departmentId ?? 'none'}
                  aria-label={`Metrics for ${name(d.departmentId)}`}
                >
                  <td>{name(d.departmentId)}</td>
                  <td>{mins(d.firstResponseMedianMs)}</td>
                  <td>{mins(d.firstResponseP90Ms)}</td>
                  <td>{d.slaMetPercent === null ? '–' : `${d.slaMetPercent}%`}</td>
                  <td data-metric="open">{d.open}</td>
                  <td data-metric="overdue">{d.overdue}</td>
                  <td>{d.answered}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Median first response per day</h3>
          <ResponseChart days={data.daily} />
          <h3>Answered per person</h3>
          <ul>
            {data.answeredByMember.map((m) => (
              <li key={m.memberId}>
                {members.find((x) => x.id === m.memberId)?.name ?? 'Former member'}: {m.answered}
              </li>
            ))}
            {data.answeredByMember.length === 0 && (
              <li className="muted">Nobody answered in this period.</li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
