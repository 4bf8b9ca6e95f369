import type { Department } from '../../shared/domain/schemas/org.ts';
import type { ThreadView } from '../../shared/domain/schemas/thread.ts';
import { formatSla, slaPhase } from '../../shared/domain/sla.ts';
import { formatWait, waitingLabel, waitingSince } from '../../shared/domain/waiting-on.ts';

const platformName = { x: 'X', linkedin: 'LinkedIn', facebook: 'Facebook' } as const;

function age(from: number, now: number): string {
  const mins = Math.max(0, Math.round((now - from) / 60_000));
  if (mins < 1) return 'just now';
  if (mins < 60) return `${mins}m`;
  if (mins < 48 * 60) return `${Math.round(mins / 60)}h`;
  return `${Math.round(mins / 1440)}d`;
}

/** One thread in a list: where, who, what, how old, and its state or SLA. */
export function ThreadRow({
  view,
  department,
  departmentName,
  now,
  meId,
  onOpen,
}: {
  view: ThreadView;
  department?: Department;
  departmentName(id: string): string;
  now: number;
  meId: string;
  onOpen(url: string): void;
}) {
  const { thread, claim } = view;
  const waiting = waitingLabel(thread.waitingOn, departmentName);
  const since = waitingSince(thread.waitingOn);
  const phase = slaPhase(thread.firstSeenAt, thread.dueAt, now);
  const state = claim
    ? claim.holderId === meId
      ? 'You are answering'
      : `${claim.holderName} is answering`
    : thread.status[0]!.toUpperCase() + thread.status.slice(1);
  return (
    <li>
      <button type="button" className="thread-row" onClick={() => onOpen(thread.url)}>
        <span className={`platform ${thread.platform}`}>{platformName[thread.platform]}</span>
        <span className="who">
          {thread.authorName || thread.authorHandle}
          {department && (
            <span className="chip small" style={{ borderColor: department.color }}>
              {department.name}
            </span>
          )}
        </span>
        <span className="snippet">{thread.text}</span>
        <span className="meta">
          {age(thread.firstSeenAt, now)} · {state}
          {thread.status === 'open' && thread.dueAt !== null && (
            <span className={`sla ${phase}`}> · {formatSla(thread.dueAt, now)}</span>
          )}
          {thread.noteCount > 0 &&
            ` · ${thread.noteCount} note${thread.noteCount === 1 ? '' : 's'}`}
        </span>
        {waiting && since !== null && (
          <span className="waiting">
            {waiting} · {formatWait(now - since)}
          </span>
        )}
      </button>
    </li>
  );
}
