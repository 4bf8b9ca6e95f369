import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Department, Platform, RoutingRule } from '../../shared/domain/schemas/index.ts';
import { platformChoices } from './choices.ts';
import { Select } from './Select.tsx';
import { useRuleList } from './rules-store.ts';
import { errorText, server } from './server-client.ts';

type Outcome = { rule: RoutingRule | null } | { error: string };

/** Which rule a sample post would hit, answered by the server's own matcher (rules.test). */
export function RuleTester({ departments }: { departments: Department[] }) {
  const { rules } = useRuleList();
  const [text, setText] = useState('');
  const [platform, setPlatform] = useState<Platform>('x');
  const [author, setAuthor] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  async function test(e: FormEvent) {
    e.preventDefault();
    try {
      setOutcome(await server.rules.test.query({ text, platform, authorHandle: author }));
    } catch (err) {
      setOutcome({ error: errorText(err) });
    }
  }
  let result = '';
  if (outcome && 'error' in outcome) result = outcome.error;
  else if (outcome?.rule) {
    const { rule } = outcome;
    const position = rules.findIndex((r) => r.id === rule.id) + 1;
    const dept = departments.find((d) => d.id === rule.departmentId)?.name ?? '?';
    result = `Matches rule ${position}: ${rule.name} → ${dept} (${rule.mode === 'auto' ? 'routes' : 'suggests'})`;
  } else if (outcome) result = 'No rule matches: the post stays unrouted.';
  return (
    <form className="card tester" aria-label="Test the rules" onSubmit={(e) => void test(e)}>
      <h3>Test the rules</h3>
      <label>
        Sample post text
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} />
      </label>
      <div className="row wrap">
        <label>
          Sample platform
          <Select value={platform} options={platformChoices} onChange={(p) => setPlatform(p)} />
        </label>
        <label>
          Sample author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="@handle" />
        </label>
      </div>
      <button type="submit">Test</button>
      <p role="status" className={outcome && 'error' in outcome ? 'error' : 'result'}>
        {result}
      </p>
    </form>
  );
}
