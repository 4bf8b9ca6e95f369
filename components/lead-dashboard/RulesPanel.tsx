import { useCallback, useEffect, useState } from 'react';
import type { Department, RoutingRule } from '../../shared/schemas/index.ts';
import { errorText, server } from './server-client.ts';
import { RuleForm } from './RuleForm.tsx';
import { RuleTester } from './RuleTester.tsx';

/** Ordered routing rules: add, enable/disable, reorder, delete; and a box to test them. */
export function RulesPanel({
  departments,
  canEdit,
}: {
  departments: Department[];
  canEdit: boolean;
}) {
  const [rules, setRules] = useState<RoutingRule[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () => server.rules.list.query().then(setRules, (e) => setError(errorText(e))),
    [],
  );
  useEffect(() => void load(), [load]);
  const change = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
    await load();
  };
  const move = (i: number, by: number) => {
    const ids = rules.map((r) => r.id);
    const [id] = ids.splice(i, 1);
    ids.splice(i + by, 0, id!);
    void change(() => server.rules.reorder.mutate({ ids }));
  };
  const deptName = (id: string) => departments.find((d) => d.id === id)?.name ?? 'unknown';
  return (
    <section aria-label="Routing rules" className="stack">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ol className="rules">
        {rules.map((r, i) => (
          <li key={r.id} className={r.enabled ? '' : 'disabled'}>
            <strong>{r.name}</strong> → {deptName(r.departmentId)} (
            {r.mode === 'auto' ? 'routes' : 'suggests'})
            <div className="muted">
              {[
                r.platform && `on ${r.platform}`,
                r.keywords.length && `words: ${r.keywords.join(', ')}`,
                r.regex && `regex /${r.regex}/`,
                r.authors.length && `authors: ${r.authors.join(', ')}`,
                r.stage && `stage: ${r.stage}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {canEdit && (
              <div className="row">
                <button
                  type="button"
                  aria-label={`Move ${r.name} up`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${r.name} down`}
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void change(() => server.rules.update.mutate({ id: r.id, enabled: !r.enabled }))
                  }
                >
                  {r.enabled ? 'Disable' : 'Enable'}
                </button>
                <button
                  type="button"
                  onClick={() => void change(() => server.rules.delete.mutate({ id: r.id }))}
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {rules.length === 0 && (
        <p className="muted">No rules yet: posts stay unrouted until someone routes them.</p>
      )}
      {canEdit && (
        <RuleForm
          departments={departments}
          onCreate={(rule) => change(() => server.rules.create.mutate(rule))}
        />
      )}
      <RuleTester rules={rules} />
    </section>
  );
}
