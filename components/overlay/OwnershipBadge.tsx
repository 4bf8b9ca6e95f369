import type { OverlayView, SessionInfo } from '../../shared/messaging/protocol.ts';
import type { ThreadStatus } from '../../shared/domain/schemas/thread.ts';
import type { Department } from '../../shared/domain/schemas/org.ts';
import { paletteClass } from './department-palette.ts';
import { acceptableSuggestion, initials } from './post-rights.ts';
import { SlaCountdown } from './SlaCountdown.tsx';
import { useNativeEvents } from './use-native-events.ts';
import { WaitingChip } from './WaitingChip.tsx';

const statusText: Record<ThreadStatus, string> = {
  open: 'Open',
  answered: 'Answered',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
};

/**
 * Text long enough to be worth squeezing when the badge is short of room: only such an item
 * shrinks, to 5em, with a clip and an ellipsis (overlay.css, .sb-long); shorter text keeps its
 * width. The full text is in each title.
 */
const long = (text: string) => (text.length > 12 ? ' sb-long' : '');

interface Props {
  view: OverlayView | undefined;
  session: SessionInfo;
  /** This tab sent an action that the background has not confirmed yet. */
  busy: boolean;
  offerSuggestion: boolean;
  onAcceptSuggestion(departmentId: string): void;
}

function SuggestionButton(props: { department: Department; onAccept(id: string): void }) {
  const { department, onAccept } = props;
  const events = useNativeEvents<HTMLButtonElement>({ click: () => onAccept(department.id) });
  return (
    <button
      type="button"
      className="sb-suggestion sb-long"
      ref={events}
      title={`Route to ${department.name}, as the routing rules suggest`}
    >
      Suggested: {department.name} — Accept
    </button>
  );
}

/** Who owns the post and what state it is in; all text, never HTML from page or server. */
export function OwnershipBadge(props: Props) {
  const { view, session, busy, offerSuggestion, onAcceptSuggestion } = props;
  const { connection, me } = session;
  if (connection === 'signed-out' || (!me && connection !== 'connecting'))
    return (
      <span className="sb-badge sb-signin" title="Open the Switchboard extension's options">
        Sign in to Switchboard
      </span>
    );
  const offline = connection === 'offline' && <span className="sb-chip sb-offline">Offline</span>;
  if (!view)
    return (
      <span className="sb-badge sb-muted">
        {connection === 'connecting' ? 'Connecting to Switchboard…' : 'Loading…'}
        {offline}
      </span>
    );

  const { thread, claim } = view;
  const department = session.departments.find((d) => d.id === thread.departmentId);
  const assignee = session.members.find((m) => m.id === thread.assigneeId);
  const suggestion = offerSuggestion && acceptableSuggestion(view, me, session.departments);
  const open = thread.status === 'open';
  const claimText =
    claim && (claim.holderId === me?.id ? 'You are answering' : `${claim.holderName} is answering`);
  // Who answered (a reply recorded from the site's box, or "Mark answered"): "Answered by Ana".
  const answerer = thread.status === 'answered' && thread.answeredBy !== null && thread.answeredBy;
  const answeredBy =
    answerer &&
    (answerer === me?.id ? 'you' : session.members.find((m) => m.id === answerer)?.name);
  const status = answeredBy ? `Answered by ${answeredBy}` : statusText[thread.status];
  // A department newer than this session's list is still a department, not "Unrouted".
  const departmentName =
    department?.name ?? (thread.departmentId ? 'Other department' : 'Unrouted');
  return (
    <span className="sb-badge">
      <span className={`sb-dept${long(departmentName)}`} title={departmentName}>
        <span
          className={`sb-dot ${department ? paletteClass(session.departments, department.id) : ''}`}
          aria-hidden="true"
        />
        <span className="sb-name">{departmentName}</span>
      </span>
      {suggestion && <SuggestionButton department={suggestion} onAccept={onAcceptSuggestion} />}
      {assignee && (
        <span
          className="sb-avatar"
          role="img"
          aria-label={`Assigned to ${assignee.name}`}
          title={`Assigned to ${assignee.name}`}
        >
          {initials(assignee.name)}
        </span>
      )}
      {/* "Open" says nothing more once someone is answering (only open posts are claimed). */}
      {!claimText && (
        <span className={`sb-status sb-status-${thread.status}${long(status)}`} title={status}>
          {status}
        </span>
      )}
      {claimText && (
        <span className={`sb-claim${long(claimText)}`} title={claimText}>
          {claimText}
        </span>
      )}
      {thread.waitingOn.length > 0 && (
        <WaitingChip waitingOn={thread.waitingOn} departments={session.departments} />
      )}
      {open && thread.dueAt !== null && (
        <SlaCountdown firstSeenAt={thread.firstSeenAt} dueAt={thread.dueAt} />
      )}
      {(busy || view.pending) && <span className="sb-muted">Pending…</span>}
      {offline}
    </span>
  );
}
