import type {
  Department,
  Member,
  Platform,
  ThreadStatus,
} from '../../shared/domain/schemas/index.ts';
import { zPlatform, zThreadStatus } from '../../shared/domain/schemas/index.ts';
import { useQueue } from './dashboard-store.ts';
import { UNROUTED } from './queue-scope.ts';

export const platformName = { x: 'X', linkedin: 'LinkedIn', facebook: 'Facebook' } as const;

/** Department (within the lead's scope), platform, status, assignee and overdue filters. */
export function QueueFilters({
  departments,
  members,
}: {
  departments: Department[];
  members: Member[];
}) {
  const filters = useQueue((s) => s.filters);
  const all = useQueue((s) => s.scope.all);
  const setFilters = useQueue((s) => s.setFilters);
  return (
    <div className="row filters" role="group" aria-label="Queue filters">
      <label>
        Department
        <select
          value={filters.departmentId}
          onChange={(e) => setFilters({ departmentId: e.target.value })}
        >
          <option value="">{all ? 'All departments' : 'All my departments'}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
          <option value={UNROUTED}>Unrouted</option>
        </select>
      </label>
      <label>
        Platform
        <select
          value={filters.platform}
          onChange={(e) => setFilters({ platform: e.target.value as Platform | '' })}
        >
          <option value="">All platforms</option>
          {zPlatform.options.map((p) => (
            <option key={p} value={p}>
              {platformName[p]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          value={filters.status}
          onChange={(e) => setFilters({ status: e.target.value as ThreadStatus | '' })}
        >
          <option value="">Any status</option>
          {zThreadStatus.options.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
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
  );
}
