import { useEffect } from 'react';
import type { Department, Member } from '../../shared/domain/schemas/index.ts';
import { useNow } from '../hooks/use-now.ts';
import { useQueue } from './dashboard-store.ts';
import { Feedback } from './Feedback.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueRow } from './QueueRow.tsx';

// Others claim, answer and route while the lead watches; the page gets no event pushes, so it
// asks again now and then (SLA countdowns tick locally in between).
const REFRESH_MS = 30_000;

interface Props {
  /** Departments a thread can be routed to (all of the organisation's). */
  departments: Department[];
  /** Departments in the lead's scope, for the filter. */
  scoped: Department[];
  members: Member[];
}

/** The queue of the lead's departments, with filters; each row changes in place. */
export function QueuePanel({ departments, scoped, members }: Props) {
  const { queue, loading, error, message, serverNow, skewMs, loadQueue } = useQueue();
  // The shared clock ticks in 15 s steps, so it may trail the server's answer a little.
  const now = Math.max(serverNow, useNow() + skewMs);
  useEffect(() => {
    void loadQueue();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void loadQueue();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadQueue]);
  const inScope = members.filter((m) =>
    m.departmentIds.some((id) => scoped.some((d) => d.id === id)),
  );
  return (
    <section aria-label="Queue" className="stack">
      <QueueFilters departments={scoped} members={inScope} />
      <Feedback error={error} message={message} />
      {queue.length === 0 ? (
        <p className="muted">{loading ? 'Loading…' : 'Nothing matches these filters.'}</p>
      ) : (
        <table className="queue">
          <caption className="muted">
            {queue.length} thread{queue.length === 1 ? '' : 's'}, soonest due first
          </caption>
          <thead>
            <tr>
              <th scope="col">Post</th>
              <th scope="col">Department</th>
              <th scope="col">Assignee</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
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
