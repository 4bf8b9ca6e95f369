import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Department } from '../../shared/domain/schemas/index.ts';
import { Feedback } from './Feedback.tsx';
import { WatchPhrasesField } from './WatchPhrasesField.tsx';
import { errorText, server } from './server-client.ts';

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

const MAX_SLA_MINUTES = 60 * 24 * 30;

/**
 * Colour, first-response target, guidelines (shown to whoever claims one of its posts, and beside
 * its reply boxes) and watch phrases.
 */
function DepartmentForm({ department }: { department: Department }) {
  const [color, setColor] = useState(department.color);
  const [sla, setSla] = useState(String(department.slaMinutes));
  const [dos, setDos] = useState(department.guidelines.dos.join('\n'));
  const [donts, setDonts] = useState(department.guidelines.donts.join('\n'));
  const [tone, setTone] = useState(department.guidelines.tone);
  const [watchPhrases, setWatchPhrases] = useState(department.watchPhrases ?? []);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ error: string | null; message: string | null }>({
    error: null,
    message: null,
  });
  async function save(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      await server.departments.update.mutate({
        id: department.id,
        color,
        slaMinutes: Number(sla),
        guidelines: { dos: lines(dos), donts: lines(donts), tone: tone.trim() },
        watchPhrases,
      });
      setResult({ error: null, message: 'Saved' });
    } catch (err) {
      setResult({ error: errorText(err), message: null });
    } finally {
      setSaving(false);
    }
  }
  return (
    <form
      className="card department"
      aria-label={`${department.name} settings`}
      onSubmit={(e) => void save(e)}
      style={{ borderTop: `4px solid ${color}` }}
    >
      <h3>{department.name}</h3>
      <div className="row">
        <label>
          Colour
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
        <label>
          First-response target (minutes)
          <input
            type="number"
            min={1}
            max={MAX_SLA_MINUTES}
            step={1}
            required
            value={sla}
            onChange={(e) => setSla(e.target.value)}
          />
        </label>
      </div>
      <label>
        Do (one per line)
        <textarea rows={3} value={dos} onChange={(e) => setDos(e.target.value)} />
      </label>
      <label>
        Don’t (one per line)
        <textarea rows={3} value={donts} onChange={(e) => setDonts(e.target.value)} />
      </label>
      <label>
        Tone
        <input
          value={tone}
          onChange={(e) => setTone(e.target.value)}
          placeholder="e.g. warm, brief, no jargon"
          maxLength={1000}
        />
      </label>
      <WatchPhrasesField
        department={department.name}
        value={watchPhrases}
        onChange={setWatchPhrases}
      />
      <button type="submit" disabled={saving}>
        Save {department.name}
      </button>
      <Feedback {...result} />
    </form>
  );
}

export function DepartmentPanel({ departments }: { departments: Department[] }) {
  return (
    <section aria-label="Departments" className="grid-3">
      {departments.map((d) => (
        <DepartmentForm key={d.id} department={d} />
      ))}
    </section>
  );
}
