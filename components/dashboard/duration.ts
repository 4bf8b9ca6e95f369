/** A response time in the unit a lead reads at a glance: "45 s", "12 min", "3.5 h", "2.1 d". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.round(s / 360) / 10} h`;
  return `${Math.round(s / 8640) / 10} d`;
}
