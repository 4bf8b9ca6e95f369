import { useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Department, Member } from '../../shared/domain/schemas/index.ts';
import { useNow } from '../hooks/use-now.ts';
import { useQueue } from './dashboard-store.ts';
import { Feedback } from './Feedback.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { queueQueryOptions } from './queue-query.ts';
import { QueueRow } from './QueueRow.tsx';
import { ThreadDialog } from './ThreadDialog.tsx';
import { errorText } from './server-client.ts';

interface Props {
  /** Departments a thread can be routed to (all of the organisation's). */
  departments: Department[];
  /** Departments in the lead's scope, for the filter. */
  scoped: Department[];
  members: Member[];
  me: Member;
}

/** The queue of the lead's departments, with filters; each row changes in place. */
export function QueuePanel({ departments, scoped, members, me }: Props) {
  const { filters, scope, error, message } = useQueue();
  const query = useQuery(queueQueryOptions(filters, scope));
  const { data, error: loadError, isFetching } = query;
  const queue = data?.items ?? [];
  const serverNow = data?.now ?? 0;
  // Server clock minus this browser's clock (at the answer's arrival), so SLA countdowns follow
  // the server; rows kept from the previous filters keep their skew.
  const skew = useRef(0);
  if (data && !query.isPlaceholderData) skew.current = data.now - query.dataUpdatedAt;
  const skewMs = skew.current;
  // The shared clock ticks in 15 s steps, so it may trail the server's answer a little.
  const now = Math.max(serverNow, useNow() + skewMs);
  const loading = isFetching || !data;
  const inScope = members.filter((m) =>
    m.departmentIds.some((id) => scoped.some((d) => d.id === id)),
  );
  return (
    <section aria-label="Queue" className="stack">
      <QueueFilters departments={scoped} members={inScope} />
      <Feedback error={error ?? (loadError && errorText(loadError))} message={message} />
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
                me={me}
              />
            ))}
          </tbody>
        </table>
      )}
      <ThreadDialog me={me} members={members} departments={departments} />
    </section>
  );
}
