import { useState } from 'react';
import type { Department, RoutingRule } from '../../shared/domain/schemas/index.ts';
import { server } from './server-client.ts';
import { RuleForm } from './RuleForm.tsx';
import { useRules } from './rules-store.ts';

/** What a rule looks for, in one line. */
function conditions(r: RoutingRule): string {
  return [
    r.platform && `on ${r.platform}`,
    r.keywords.length > 0 && `words: ${r.keywords.join(', ')}`,
    r.regex && `regex /${r.regex}/`,
    r.authors.length > 0 && `authors: ${r.authors.join(', ')}`,
    r.stage && `stage: ${r.stage}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function RuleItem({
  rule: r,
  index,
  last,
  departments,
}: {
  rule: RoutingRule;
  index: number;
  last: boolean;
  departments: Department[];
}) {
  const { change, move } = useRules();
  const [editing, setEditing] = useState(false);
  const dept = departments.find((d) => d.id === r.departmentId);
  if (editing)
    return (
      <li>
        <RuleForm
          title={`Edit ${r.name}`}
          submitLabel="Save rule"
          initial={r}
          departments={departments}
          onCancel={() => setEditing(false)}
          onSubmit={async (patch) => {
            const ok = await change(`Saved “${patch.name}”`, () =>
              server.rules.update.mutate({ id: r.id, ...patch }),
            );
            if (ok) setEditing(false);
            return ok;
          }}
        />
      </li>
    );
  return (
    <li className={`rule card${r.enabled ? '' : ' disabled'}`} aria-label={`Rule ${r.name}`}>
      <div>
        <strong>{r.name}</strong> → {dept?.name ?? 'a removed department'}{' '}
        <span className="pill">{r.mode === 'auto' ? 'routes' : 'suggests'}</span>
        {!r.enabled && <span className="pill">disabled</span>}
      </div>
      <div className="muted small">{conditions(r) || 'no condition: matches nothing'}</div>
      <div className="row wrap">
        <button
          type="button"
          className="secondary"
          aria-label={`Move ${r.name} up`}
          disabled={index === 0}
          onClick={() => void move(index, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={`Move ${r.name} down`}
          disabled={last}
          onClick={() => void move(index, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={`Edit ${r.name}`}
          onClick={() => setEditing(true)}
        >
          Edit
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={`${r.enabled ? 'Disable' : 'Enable'} ${r.name}`}
          onClick={() =>
            void change(`${r.enabled ? 'Disabled' : 'Enabled'} “${r.name}”`, () =>
              server.rules.update.mutate({ id: r.id, enabled: !r.enabled }),
            )
          }
        >
          {r.enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          className="danger"
          aria-label={`Delete ${r.name}`}
          onClick={() => {
            if (confirm(`Delete the rule “${r.name}”?`))
              void change(`Deleted “${r.name}”`, () => server.rules.delete.mutate({ id: r.id }));
          }}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
