import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Department, RuleInput } from '../../shared/schemas/index.ts';
import { zBuyingStage, zPlatform } from '../../shared/schemas/index.ts';
import { regexError } from '../../shared/routing.ts';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function RuleForm({
  departments,
  onCreate,
}: {
  departments: Department[];
  onCreate(rule: RuleInput): Promise<void>;
}) {
  const [f, setF] = useState({
    name: '',
    platform: '',
    keywords: '',
    regex: '',
    authors: '',
    stage: '',
    departmentId: '',
    mode: 'suggest',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const badRegex = f.regex ? regexError(f.regex) : null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    await onCreate({
      name: f.name,
      platform: (f.platform || null) as RuleInput['platform'],
      keywords: list(f.keywords),
      regex: f.regex || null,
      authors: list(f.authors),
      stage: (f.stage || null) as RuleInput['stage'],
      departmentId: f.departmentId,
      mode: f.mode as 'suggest' | 'auto',
    });
    setF({ ...f, name: '', keywords: '', regex: '', authors: '' });
  }
  return (
    <form className="card rule-form" onSubmit={(e) => void submit(e)} aria-label="New rule">
      <h3>New rule</h3>
      <label>
        Rule name
        <input value={f.name} onChange={set('name')} required />
      </label>
      <label>
        Keywords (comma-separated)
        <input value={f.keywords} onChange={set('keywords')} />
      </label>
      <label>
        Regex
        <input value={f.regex} onChange={set('regex')} aria-invalid={!!badRegex} />
      </label>
      {badRegex && <p className="error">{badRegex}</p>}
      <label>
        Authors (comma-separated handles)
        <input value={f.authors} onChange={set('authors')} />
      </label>
      <div className="row">
        <label>
          Platform
          <select value={f.platform} onChange={set('platform')}>
            <option value="">Any</option>
            {zPlatform.options.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Buying stage
          <select value={f.stage} onChange={set('stage')}>
            <option value="">Any</option>
            {zBuyingStage.options.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Route to
          <select value={f.departmentId} onChange={set('departmentId')} required>
            <option value="">Choose…</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mode
          <select value={f.mode} onChange={set('mode')}>
            <option value="suggest">Suggest</option>
            <option value="auto">Route automatically</option>
          </select>
        </label>
      </div>
      <button type="submit" disabled={!!badRegex}>
        Add rule
      </button>
    </form>
  );
}
