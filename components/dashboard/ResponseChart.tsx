import { formatDuration } from './duration.ts';

interface Day {
  day: number;
  answered: number;
  medianMs: number;
}

const W = 720;
const H = 220;
const PAD = { left: 56, right: 12, top: 14, bottom: 30 };
const MINUTE = 60_000;
// Axis steps a reader can add up in their head.
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 720, 1440, 2880];

function axisStep(max: number): number {
  const step = STEPS_MIN.find((m) => max / (m * MINUTE) <= 4) ?? STEPS_MIN.at(-1)!;
  return step * MINUTE;
}

const dateLabel = (t: number) =>
  new Date(t).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/**
 * Median first response per day of the period as bars (days without answers stay empty), with
 * the department's target as a dashed line when one department is shown.
 */
export function ResponseChart({
  days,
  series,
  targetMs,
}: {
  days: number[];
  series: Day[];
  targetMs: number | null;
}) {
  if (series.length === 0) return <p className="muted">No answers in this period yet.</p>;
  const byDay = new Map(series.map((d) => [d.day, d]));
  const max = Math.max(...series.map((d) => d.medianMs), targetMs ?? 0, MINUTE);
  const step = axisStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (ms: number) => PAD.top + plotH - (ms / top) * plotH;
  const slot = plotW / days.length;
  const bar = Math.min(36, slot * 0.7);
  const labelEvery = days.length > 10 ? Math.ceil(days.length / 8) : 1;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Median first response per day: ${series
        .map((d) => `${dateLabel(d.day)} ${formatDuration(d.medianMs)}`)
        .join(', ')}`}
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
          <text x={PAD.left - 6} y={y(t) + 4} className="axis" textAnchor="end">
            {t === 0 ? '0' : formatDuration(t)}
          </text>
        </g>
      ))}
      {days.map((day, i) => {
        const x = PAD.left + i * slot + (slot - bar) / 2;
        const d = byDay.get(day);
        // A few seconds' median still shows as a sliver, unlike a day without answers.
        const h = d ? Math.max(2, y(0) - y(d.medianMs)) : 0;
        return (
          <g key={day}>
            {d && (
              <rect x={x} y={y(0) - h} width={bar} height={h} rx={2}>
                <title>
                  {`${dateLabel(day)}: median ${formatDuration(d.medianMs)} over ${d.answered} answer${d.answered === 1 ? '' : 's'}`}
                </title>
              </rect>
            )}
            {i % labelEvery === 0 && (
              <text x={x + bar / 2} y={H - 10} className="axis" textAnchor="middle">
                {dateLabel(day)}
              </text>
            )}
          </g>
        );
      })}
      {targetMs !== null && (
        <g className="target">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(targetMs)} y2={y(targetMs)} />
          <text x={W - PAD.right} y={y(targetMs) - 4} textAnchor="end">
            target {formatDuration(targetMs)}
          </text>
        </g>
      )}
    </svg>
  );
}
