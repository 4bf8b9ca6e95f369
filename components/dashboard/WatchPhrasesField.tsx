import type { WatchPhrase } from '../../shared/domain/schemas/index.ts';
import { linearRegexError } from '../../shared/domain/linear-regex.ts';
import { watchPattern } from '../../shared/domain/watch-phrases.ts';
import { Select } from './Select.tsx';

const kinds = [
  { value: 'word', label: 'Word or phrase' },
  { value: 'regex', label: 'Pattern' },
] as const;

export const MAX_WATCH_PHRASES = 50;

/** Why a row cannot be saved as it is, or null (the server checks the same). */
function rowError(phrase: WatchPhrase): string | null {
  if (!phrase.pattern.trim()) return null;
  const error = linearRegexError(watchPattern(phrase));
  return error && `Not a usable pattern: ${error}`;
}

/**
 * A department's watch phrases, edited in place: each a word, phrase or pattern with the reason
 * shown beside a reply that contains it. Saved with the department's other settings.
 */
export function WatchPhrasesField(props: {
  department: string;
  value: WatchPhrase[];
  onChange(value: WatchPhrase[]): void;
}) {
  const { department, value, onChange } = props;
  const set = (i: number, patch: Partial<WatchPhrase>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="watch-phrases">
      <legend>Watch phrases</legend>
      <p className="muted small">
        Shown beside a reply that contains one, while it is typed. A word or phrase matches whole
        words in any case; a pattern is a regular expression (no lookaround or backreferences).
      </p>
      {value.map((phrase, i) => {
        const n = `${department} watch phrase ${i + 1}`;
        const error = rowError(phrase);
        return (
          <div className="row watch-phrase" key={i}>
            <Select
              aria-label={`Kind of ${n}`}
              value={phrase.kind}
              options={kinds}
              onChange={(kind) => set(i, { kind })}
            />
            <input
              aria-label={n}
              value={phrase.pattern}
              required
              maxLength={200}
              placeholder="e.g. guarantee"
              aria-invalid={!!error}
              onChange={(e) => set(i, { pattern: e.target.value })}
            />
            <input
              aria-label={`Reason for ${n}`}
              value={phrase.reason}
              required
              maxLength={200}
              placeholder="e.g. Legal: never guarantee outcomes"
              onChange={(e) => set(i, { reason: e.target.value })}
            />
            <button
              type="button"
              aria-label={`Remove ${n}`}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              Remove
            </button>
            {error && (
              <p role="alert" className="error small">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button
        type="button"
        disabled={value.length >= MAX_WATCH_PHRASES}
        onClick={() => onChange([...value, { kind: 'word', pattern: '', reason: '' }])}
      >
        Add watch phrase
      </button>
    </fieldset>
  );
}
