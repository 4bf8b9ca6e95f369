import type { Department } from '../../shared/domain/schemas/index.ts';
import { errorText, server } from './server-client.ts';
import { Feedback } from './Feedback.tsx';
import { RuleForm } from './RuleForm.tsx';
import { RuleItem } from './RuleItem.tsx';
import { RuleTester } from './RuleTester.tsx';
import { useRuleList, useRules } from './rules-store.ts';

/** Ordered routing rules (the first match wins): add, edit, reorder, delete; and a test box. */
export function RulesPanel({ departments }: { departments: Department[] }) {
  const { rules, loaded, loadError } = useRuleList();
  const { error, message, change } = useRules();
  return (
    <section aria-label="Routing rules" className="rules-layout">
      <div className="stack">
        <p className="muted">
          New posts go through the enabled rules in this order; the first that matches routes or
          suggests its department.
        </p>
        <Feedback error={error ?? (loadError && errorText(loadError))} message={message} />
        <ol className="rules" aria-label="Rules, first match wins">
          {rules.map((r, i) => (
            <RuleItem
              key={r.id}
              rule={r}
              index={i}
              last={i === rules.length - 1}
              departments={departments}
            />
          ))}
        </ol>
        {loaded && rules.length === 0 && (
          <p className="muted">No rules yet: posts stay unrouted until someone routes them.</p>
        )}
        <RuleForm
          title="New rule"
          submitLabel="Add rule"
          departments={departments}
          onSubmit={(rule) =>
            change(`Added “${rule.name}”`, () => server.rules.create.mutate(rule))
          }
        />
      </div>
      <RuleTester departments={departments} />
    </section>
  );
}
