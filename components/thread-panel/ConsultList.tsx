import type { Consult, Member, ThreadView } from '../../shared/domain/schemas/index.ts';
import { formatWait } from '../../shared/domain/waiting-on.ts';
import { mayAnswer, mayWithdraw } from './story-actions.ts';

interface Props {
  consults: readonly Consult[];
  view: ThreadView;
  me: Member;
  now: number;
  busy: boolean;
  name(id: string | null): string;
  departmentName(id: string | null): string;
  onReply(consult: Consult): void;
  onWithdraw(consult: Consult): void;
}

/** The departments this post waits on, since when and who asked; answer or withdraw here. */
export function ConsultList(props: Props) {
  const { consults, view, me, now, busy } = props;
  const open = consults.filter((c) => c.status === 'open');
  if (open.length === 0) return null;
  return (
    <ul className="sb-consults" aria-label="Waiting on">
      {open.map((c) => {
        const dept = props.departmentName(c.departmentId);
        return (
          <li key={c.id} className="sb-consult">
            <span>
              <strong>Waiting on {dept}</strong> · {formatWait(now - c.openedAt)} · asked by{' '}
              {props.name(c.openedBy)}
            </span>
            <span className="sb-consult-actions">
              {mayAnswer(me, c) && (
                <button type="button" disabled={busy} onClick={() => props.onReply(c)}>
                  Reply to consult
                </button>
              )}
              {mayWithdraw(me, view, c) && (
                <button
                  type="button"
                  className="sb-quiet"
                  disabled={busy}
                  aria-label={`Withdraw the question to ${dept}`}
                  onClick={() => props.onWithdraw(c)}
                >
                  Withdraw
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
