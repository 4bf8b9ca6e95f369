import { useState } from 'react';
import type { Department, Member } from '../../shared/domain/schemas/index.ts';
import { useQueue } from './dashboard-store.ts';
import { exportEvents, exportThreads } from './csv-export.ts';
import { Feedback } from './Feedback.tsx';
import { PERIODS, periodDays, useMetricsSummary } from './metrics-query.ts';
import type { PeriodDays } from './metrics-query.ts';
import { useMetricsChoice } from './metrics-choice.ts';
import { MetricsTable } from './MetricsTable.tsx';
import { departmentChoices } from './choices.ts';
import { Select } from './Select.tsx';
import { ConsultWaitsTable } from './ConsultWaitsTable.tsx';
import { exportNotes } from './notes-export.ts';
import { ResponseChart } from './ResponseChart.tsx';
import { errorText } from './server-client.ts';

/** First response per department over a period, SLA met, open and overdue, answers per person. */
export function MetricsPanel({
  scoped,
  departments,
  members,
}: {
  /** The departments in the lead's scope. */
  scoped: Department[];
  /** Every department (those asked may be outside the scope). */
  departments: Department[];
  members: Member[];
}) {
  const scope = useQueue((s) => s.scope);
  const { days, departmentId, choose } = useMetricsChoice();
  const { summary, range, error: loadError } = useMetricsSummary(scope, days, departmentId);
  const [exportError, setError] = useState<string | null>(null);
  const error = exportError ?? (loadError && errorText(loadError));
  const [exported, setExported] = useState<string | null>(null);
  const shown = departmentId ? scoped.filter((d) => d.id === departmentId) : scoped;
  const names = { departments, members };
  const run = (what: string, fn: typeof exportThreads) => {
    setExported(null);
    setError(null);
    fn(scope, range?.from ?? 0, names).then(
      (n) => setExported(`Exported ${n} ${what}.`),
      (e) => setError(errorText(e)),
    );
  };
  const person = (id: string) =>
    summary?.memberNames[id] ?? members.find((m) => m.id === id)?.name ?? 'Former member';
  return (
    <section aria-label="Metrics" className="stack">
      <div className="row wrap">
        <label>
          Period
          <Select<PeriodDays>
            value={days}
            options={PERIODS.map((p) => ({ value: p.days, label: p.label }))}
            onChange={(days) => choose({ days })}
          />
        </label>
        <label>
          Department
          <Select
            value={departmentId}
            options={[
              { value: '', label: scope.all ? 'All departments' : 'All my departments' },
              ...departmentChoices(scoped),
            ]}
            onChange={(departmentId) => choose({ departmentId })}
          />
        </label>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => run('threads', exportThreads)}>
          Export threads (CSV)
        </button>
        <button type="button" className="secondary" onClick={() => run('events', exportEvents)}>
          Export events (CSV)
        </button>
        <button type="button" className="secondary" onClick={() => run('notes', exportNotes)}>
          Export notes (CSV)
        </button>
      </div>
      <Feedback error={error} message={exported} />
      {summary && range && (
        <>
          <MetricsTable summary={summary} shown={shown} />
          <ConsultWaitsTable summary={summary} departments={departments} />
          <div className="grid-chart">
            <div className="card">
              <h3>Median first response per day</h3>
              <ResponseChart
                days={periodDays(range)}
                series={summary.daily}
                targetMs={shown.length === 1 ? shown[0]!.slaMinutes * 60_000 : null}
              />
            </div>
            <div className="card">
              <h3>Answered per person</h3>
              {summary.answeredByMember.length === 0 ? (
                <p className="muted">Nobody answered in this period.</p>
              ) : (
                <ol className="people" aria-label="Answered per person">
                  {summary.answeredByMember.map((m) => (
                    <li key={m.memberId}>
                      <span>{person(m.memberId)}</span>
                      <strong>{m.answered}</strong>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
