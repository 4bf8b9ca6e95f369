interface Day {
  day: number;
  answered: number;
  medianMs: number;
}

const W = 560;
const H = 160;

/** Daily median first-response time, as bars; minutes on the axis. */
export function ResponseChart({ days }: { days: Day[] }) {
  if (days.length === 0) return <p className="muted">No answers in this period yet.</p>;
  const max = Math.max(...days.map((d) => d.medianMs), 60_000);
  const bar = Math.min(40, (W - 40) / days.length - 4);
  return (
    <svg width={W} height={H + 30} role="img" aria-label="Median first response per day">
      <text x={0} y={12} className="axis">
        {Math.round(max / 60_000)} min
      </text>
      <line x1={36} x2={W} y1={H} y2={H} stroke="currentColor" opacity={0.3} />
      {days.map((d, i) => {
        const h = Math.max(2, (d.medianMs / max) * (H - 20));
        const x = 40 + i * (bar + 4);
        return (
          <g key={d.day}>
            <rect x={x} y={H - h} width={bar} height={h} rx={3} className="bar">
              <title>
                {new Date(d.day).toLocaleDateString()}: median {Math.round(d.medianMs / 60_000)} min
                over {d.answered} answers
              </title>
            </rect>
            <text x={x} y={H + 16} className="axis">
              {new Date(d.day).toLocaleDateString(undefined, { month: 'numeric', day: 'numeric' })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
