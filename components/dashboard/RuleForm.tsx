import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  BuyingStage,
  Department,
  Platform,
  RoutingRule,
} from '../../shared/domain/schemas/index.ts';
import { linearRegexError } from '../../shared/domain/linear-regex.ts';
import { departmentChoices, platformChoices, stageChoices } from './choices.ts';
import { Select } from './Select.tsx';

/** A rule as the server takes it (create, or the whole patch of an edit). */
export interface RuleDraft {
  name: string;
  platform: Platform | null;
  keywords: string[];
  regex: string | null;
  authors: string[];
  stage: BuyingStage | null;
  departmentId: string;
  mode: 'suggest' | 'auto';
  enabled: boolean;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const fields = (r?: RoutingRule) => ({
  name: r?.name ?? '',
  platform: r?.platform ?? '',
  keywords: r?.keywords.join(', ') ?? '',
  regex: r?.regex ?? '',
  authors: r?.authors.join(', ') ?? '',
  stage: r?.stage ?? '',
  departmentId: r?.departmentId ?? '',
  mode: r?.mode ?? 'suggest',
  enabled: r?.enabled ?? true,
});

/** Creates a rule, or edits one when `initial` is given. */
export function RuleForm(props: {
  title: string;
  submitLabel: string;
  initial?: RoutingRule;
  departments: Department[];
  onSubmit(rule: RuleDraft): Promise<boolean>;
  onCancel?(): void;
}) {
  const [f, setF] = useState(() => fields(props.initial));
  const [saving, setSaving] = useState(false);
  const regexHelp = useId();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const badRegex = f.regex ? linearRegexError(f.regex) : null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const ok = await props.onSubmit({
      name: f.name.trim(),
      platform: (f.platform || null) as Platform | null,
      keywords: list(f.keywords),
      regex: f.regex || null,
      authors: list(f.authors),
      stage: (f.stage || null) as BuyingStage | null,
      departmentId: f.departmentId,
      mode: f.mode as RuleDraft['mode'],
      enabled: f.enabled,
    });
    setSaving(false);
    if (ok && !props.initial) setF(fields());
  }
  return (
    <form className="card rule-form" onSubmit={(e) => void submit(e)} aria-label={props.title}>
      <h3>{props.title}</h3>
      <label>
        Rule name
        <input value={f.name} onChange={set('name')} required maxLength={120} />
      </label>
      <div className="grid-2 tight">
        <label>
          Keywords (comma-separated)
          <input value={f.keywords} onChange={set('keywords')} />
        </label>
        <label>
          Authors (comma-separated handles)
          <input value={f.authors} onChange={set('authors')} />
        </label>
      </div>
      <label>
        Regex
        <input
          value={f.regex}
          onChange={set('regex')}
          aria-invalid={!!badRegex}
          aria-describedby={regexHelp}
          maxLength={300}
        />
      </label>
      <p id={regexHelp} className={badRegex ? 'error small' : 'muted small'}>
        {badRegex ??
          'Case-insensitive, tested against the post text, in linear time (no backreferences or lookaround).'}
      </p>
      <div className="row wrap">
        <label>
          Platform
          <Select
            value={f.platform}
            options={[{ value: '', label: 'Any' }, ...platformChoices]}
            onChange={(platform) => setF({ ...f, platform })}
          />
        </label>
        <label>
          Buying stage
          <Select
            value={f.stage}
            options={[{ value: '', label: 'Any' }, ...stageChoices]}
            onChange={(stage) => setF({ ...f, stage })}
          />
        </label>
        <label>
          Route to
          <Select
            value={f.departmentId}
            required
            options={[{ value: '', label: 'Choose…' }, ...departmentChoices(props.departments)]}
            onChange={(departmentId) => setF({ ...f, departmentId })}
          />
        </label>
        <label>
          Mode
          <Select
            value={f.mode}
            options={[
              { value: 'suggest', label: 'Suggest' },
              { value: 'auto', label: 'Route automatically' },
            ]}
            onChange={(mode) => setF({ ...f, mode })}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={f.enabled}
            onChange={(e) => setF({ ...f, enabled: e.target.checked })}
          />
          Enabled
        </label>
      </div>
      <div className="row">
        <button type="submit" disabled={!!badRegex || saving}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
