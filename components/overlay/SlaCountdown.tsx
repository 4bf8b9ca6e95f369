import { formatSla, slaPhase } from '../../shared/domain/sla.ts';
import { useNow } from '../hooks/use-now.ts';

interface Props {
  firstSeenAt: number;
  dueAt: number;
}

/** Its own component so only open posts with a target tick with the clock. */
export function SlaCountdown({ firstSeenAt, dueAt }: Props) {
  const now = useNow();
  const phase = slaPhase(firstSeenAt, dueAt, now);
  return (
    <span className={`sb-sla sb-sla-${phase}`} title="First-response target">
      {formatSla(dueAt, now)}
    </span>
  );
}
