import type { Department } from '../../shared/domain/schemas/org.ts';
import type { WaitingOn } from '../../shared/domain/schemas/thread.ts';
import { formatWait, waitingLabel, waitingSince } from '../../shared/domain/waiting-on.ts';
import { useNow } from '../hooks/use-now.ts';

/** "Waiting on Legal · 12m": its own component so only waiting badges tick with the clock. */
export function WaitingChip(props: { waitingOn: WaitingOn[]; departments: Department[] }) {
  const now = useNow();
  const { waitingOn, departments } = props;
  const label = waitingLabel(
    waitingOn,
    (id) => departments.find((d) => d.id === id)?.name ?? 'another department',
  );
  const since = waitingSince(waitingOn);
  if (!label || since === null) return null;
  const text = `${label} · ${formatWait(now - since)}`;
  return (
    <span className="sb-waiting" title={`${text} (a consult is open)`}>
      {text}
    </span>
  );
}
