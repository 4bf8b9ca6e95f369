import type { Department, Member, ThreadView } from '../../shared/domain/schemas/index.ts';
import { formatSla, slaPhase } from '../../shared/domain/sla.ts';
import { formatWait, waitingLabel, waitingSince } from '../../shared/domain/waiting-on.ts';
import { canLead } from '../../shared/domain/permissions.ts';
import { isPostAddress } from '../../shared/domain/post-url.ts';
import { useQueue } from './dashboard-store.ts';
import { departmentChoices, memberChoices, platformName } from './choices.ts';
import { RowActions } from './RowActions.tsx';
import { Select } from './Select.tsx';
import { server } from './server-client.ts';

interface Props {
  view: ThreadView;
  now: number;
  departments: Department[];
  members: Member[];
  me: Member;
}

/** One thread: where and what, its department and assignee (changed in place), state and SLA. */
export function QueueRow({ view, now, departments, members, me }: Props) {
  const act = useQueue((s) => s.act);
  const openThread = useQueue((s) => s.setOpenThread);
  const busy = useQueue((s) => !!s.busy[view.thread.postKey]);
  // Another department's post (one this lead's department is asked about): read, not changed.
  const leads = canLead(me, view.thread.departmentId);
  const locked = busy || !leads;
  const { thread, claim } = view;
  const { postKey } = thread;
  const dept = departments.find((d) => d.id === thread.departmentId);
  const suggested = !dept && departments.find((d) => d.id === thread.suggestedDepartmentId);
  const people = members.filter((m) => !dept || m.departmentIds.includes(dept.id));
  const phase = slaPhase(thread.firstSeenAt, thread.dueAt, now);
  const overdue = thread.status === 'open' && phase === 'breached';
  const who = thread.authorName || thread.authorHandle;
  // Names every control of the row, so a screen reader (and a test) knows which post it acts on.
  const label = `${who}: ${thread.text.slice(0, 40)}`;
  const waiting = waitingLabel(
    thread.waitingOn,
    (id) => departments.find((d) => d.id === id)?.name ?? 'another department',
  );
  const waitingFrom = waitingSince(thread.waitingOn);
  const route = (departmentId: string | null) => {
    const name = departments.find((d) => d.id === departmentId)?.name;
    return act(
      postKey,
      name
        ? { action: `Route to ${name}`, done: `Routed to ${name}` }
        : { action: 'Unroute', done: 'Unrouted' },
      () => server.threads.assign.mutate({ postKey, departmentId }),
    );
  };
  return (
    <tr data-post-key={postKey} className={overdue ? 'overdue' : ''} aria-busy={busy}>
      <td>
        <div className="post">
          {isPostAddress(thread.url) ? (
            <a href={thread.url} target="_blank" rel="noreferrer">
              {platformName[thread.platform]} · {who}
            </a>
          ) : (
            <span>
              {platformName[thread.platform]} · {who}
            </span>
          )}
          <div className="snippet">{thread.text}</div>
          {suggested && (
            <button
              type="button"
              className="link"
              disabled={locked}
              aria-label={`Accept suggestion ${suggested.name} for ${label}`}
              onClick={() => void route(suggested.id)}
            >
              Suggested: {suggested.name} (accept)
            </button>
          )}
          <button
            type="button"
            className="link"
            aria-label={`Notes and timeline of ${label}`}
            onClick={() => openThread(postKey)}
          >
            Notes{thread.noteCount > 0 ? ` (${thread.noteCount})` : ''} and timeline
          </button>
        </div>
      </td>
      <td>
        <Select
          aria-label={`Department for ${label}`}
          value={thread.departmentId ?? ''}
          disabled={locked}
          style={dept ? { borderLeft: `4px solid ${dept.color}` } : undefined}
          options={[{ value: '', label: 'Unrouted' }, ...departmentChoices(departments)]}
          onChange={(id) => void route(id || null)}
        />
      </td>
      <td>
        <Select
          aria-label={`Assignee for ${label}`}
          value={thread.assigneeId ?? ''}
          disabled={locked}
          options={[{ value: '', label: 'Nobody' }, ...memberChoices(people)]}
          onChange={(id) => {
            const assigneeId = id || null;
            const name = members.find((m) => m.id === assigneeId)?.name;
            void act(
              postKey,
              name
                ? { action: `Assign to ${name}`, done: `Assigned to ${name}` }
                : { action: 'Unassign', done: 'Unassigned' },
              () => server.threads.assign.mutate({ postKey, assigneeId }),
            );
          }}
        />
      </td>
      <td className="state">
        <span className={`pill ${thread.status}`}>{thread.status}</span>
        {thread.answeredWithoutClaim && (
          <div
            className="flag"
            title="A reply was sent on the site by someone who did not hold the claim"
          >
            answered without claim
          </div>
        )}
        {claim && <div>{claim.holderName} is answering</div>}
        {waiting && waitingFrom !== null && (
          <div className="waiting">
            {waiting} · {formatWait(now - waitingFrom)}
          </div>
        )}
        {thread.status === 'open' && thread.dueAt !== null && (
          <div className={`sla ${phase}`}>{formatSla(thread.dueAt, now)}</div>
        )}
        {dept && <div className="muted small">{dept.slaMinutes} min target</div>}
      </td>
      <td>
        {leads ? (
          <RowActions view={view} label={label} people={people} busy={busy} />
        ) : (
          <span className="muted small">{dept?.name ?? 'Another department'}’s post</span>
        )}
      </td>
    </tr>
  );
}
