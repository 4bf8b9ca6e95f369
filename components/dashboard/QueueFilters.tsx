import type { Department, Member } from '../../shared/domain/schemas/index.ts';
import { departmentChoices, memberChoices, platformChoices, statusChoices } from './choices.ts';
import { useQueue } from './dashboard-store.ts';
import { UNROUTED } from './queue-scope.ts';
import { Select } from './Select.tsx';

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
        <Select
          value={filters.departmentId}
          options={[
            { value: '', label: all ? 'All departments' : 'All my departments' },
            ...departmentChoices(departments),
            { value: UNROUTED, label: 'Unrouted' },
          ]}
          onChange={(departmentId) => setFilters({ departmentId })}
        />
      </label>
      <label>
        Platform
        <Select
          value={filters.platform}
          options={[{ value: '', label: 'All platforms' }, ...platformChoices]}
          onChange={(platform) => setFilters({ platform })}
        />
      </label>
      <label>
        Status
        <Select
          value={filters.status}
          options={[{ value: '', label: 'Any status' }, ...statusChoices]}
          onChange={(status) => setFilters({ status })}
        />
      </label>
      <label>
        Assignee
        <Select
          value={filters.assigneeId}
          options={[{ value: '', label: 'Anyone' }, ...memberChoices(members)]}
          onChange={(assigneeId) => setFilters({ assigneeId })}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.overdue}
          onChange={(e) => setFilters({ overdue: e.target.checked })}
        />
        Overdue only
      </label>
      {/* "team", not "department": the Department filter is found by that word. */}
      <label
        className="check"
        title="Posts of any department that wait on an answer from one of yours (or the one chosen)"
      >
        <input
          type="checkbox"
          checked={filters.waitingOnMine}
          onChange={(e) => setFilters({ waitingOnMine: e.target.checked })}
        />
        Waiting on my team
      </label>
    </div>
  );
}
