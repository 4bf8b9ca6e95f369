import { useEffect } from 'react';
import type { Department, Member, ThreadView } from '../../shared/schemas/index.ts';
import { zPlatform, zThreadStatus } from '../../shared/schemas/index.ts';
import { formatSla, slaPhase } from '../../shared/sla.ts';
import { server } from './server-client.ts';
import { useDashboard } from './dashboard-store.ts';

interface Props {
  departments: Department[];
  members: Member[];
}

/** The queue with filters; reassign, override, release, resolve and reopen in place. */
export function QueuePanel({ departments, members }: Props) {
  const { filters, queue, now, loading, setFilters, loadQueue } = useDashboard();
  useEffect(() => void loadQueue(), [loadQueue]);
  return (
    <section aria-label="Queue" className="stack">
      <div className="row filters">
        <label>
          Department
          <select
            value={filters.departmentId}
            onChange={(e) => setFilters({ departmentId: e.target.value })}
          >
            <option value="">All</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Platform
          <select
            value={filters.platform}
            onChange={(e) => setFilters({ platform: e.target.value as never })}
          >
            <option value="">All</option>
            {zPlatform.options.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select
            value={filters.status}
            onChange={(e) => setFilters({ status: e.target.value as never })}
          >
            <option value="">All</option>
            {zThreadStatus.options.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Assignee
          <select
            value={filters.assigneeId}
            onChange={(e) => setFilters({ assigneeId: e.target.value })}
          >
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => setFilters({ overdue: e.target.checked })}
          />
          Overdue only
        </label>
      </div>
      {queue.length === 0 ? (
        <p className="muted">{loading ? 'Loading…' : 'Nothing matches these filters.'}</p>
      ) : (
        <table className="queue">
          <thead>
            <tr>
              <th>Post</th>
              <th>Department</th>
              <th>Assignee</th>
              <th>State</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((v) => (
              <QueueRow
                key={v.thread.postKey}
                view={v}
                now={now}
                departments={departments}
                members={members}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function QueueRow({ view, now, departments, members }: { view: ThreadView; now: number } & Props) {
  const run = useDashboard((s) => s.run);
  const { thread, claim } = view;
  const postKey = thread.postKey;
  const dept = departments.find((d) => d.id === thread.departmentId);
  const people = members.filter(
    (m) => !thread.departmentId || m.departmentIds.includes(thread.departmentId),
  );
  const phase = slaPhase(thread.firstSeenAt, thread.dueAt, now);
  const label = `${thread.authorName || thread.authorHandle}: ${thread.text.slice(0, 40)}`;
  return (
    <tr
      data-post-key={postKey}
      className={phase === 'breached' && thread.status === 'open' ? 'overdue' : ''}
    >
      <td>
        <a href={thread.url} target="_blank" rel="noreferrer">
          {thread.platform} · {thread.authorName || thread.authorHandle}
        </a>
        <div className="snippet">{thread.text}</div>
      </td>
      <td>
        <select
          aria-label={`Department for ${label}`}
          value={thread.departmentId ?? ''}
          onChange={(e) =>
            void run(
              `Routed to ${departments.find((d) => d.id === e.target.value)?.name ?? 'nobody'}`,
              () => server.threads.assign.mutate({ postKey, departmentId: e.target.value || null }),
            )
          }
        >
          <option value="">Unrouted</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`Assignee for ${label}`}
          value={thread.assigneeId ?? ''}
          onChange={(e) =>
            void run('Assigned', () =>
              server.threads.assign.mutate({ postKey, assigneeId: e.target.value || null }),
            )
          }
        >
          <option value="">Nobody</option>
          {people.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        {thread.status}
        {claim && <div>{claim.holderName} is answering</div>}
        {thread.status === 'open' && thread.dueAt !== null && (
          <div className={`sla ${phase}`}>{formatSla(thread.dueAt, now)}</div>
        )}
        {dept && <div className="muted">{dept.slaMinutes} min target</div>}
      </td>
      <td className="actions">
        {claim && (
          <>
            <button
              type="button"
              onClick={() =>
                void run('Claim released', () => server.claims.override.mutate({ postKey }))
              }
            >
              Release claim
            </button>
            <select
              aria-label={`Give the claim on ${label} to`}
              value=""
              onChange={(e) =>
                void run('Claim moved', () =>
                  server.claims.override.mutate({ postKey, toMemberId: e.target.value }),
                )
              }
            >
              <option value="">Give claim to…</option>
              {people
                .filter((m) => m.id !== claim.holderId)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </>
        )}
        {thread.status === 'open' || thread.status === 'answered' ? (
          <button
            type="button"
            onClick={() => void run('Resolved', () => server.threads.resolve.mutate({ postKey }))}
          >
            Resolve
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void run('Reopened', () => server.threads.reopen.mutate({ postKey }))}
          >
            Reopen
          </button>
        )}
      </td>
    </tr>
  );
}
