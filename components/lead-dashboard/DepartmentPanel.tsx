import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Department } from '../../shared/schemas/index.ts';
import { errorText, server } from './server-client.ts';

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** Colour, first-response target and guidelines of one department. */
function DepartmentForm({ department }: { department: Department }) {
  const [color, setColor] = useState(department.color);
  const [sla, setSla] = useState(String(department.slaMinutes));
  const [dos, setDos] = useState(department.guidelines.dos.join('\n'));
  const [donts, setDonts] = useState(department.guidelines.donts.join('\n'));
  const [tone, setTone] = useState(department.guidelines.tone);
  const [status, setStatus] = useState<string | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await server.departments.update.mutate({
        id: department.id,
        color,
        slaMinutes: Number(sla),
        guidelines: { dos: lines(dos), donts: lines(donts), tone },
      });
      setStatus('Saved');
    } catch (err) {
      setStatus(errorText(err));
    }
  }
  return (
    <form
      className="card"
      aria-label={`${department.name} settings`}
      onSubmit={(e) => void save(e)}
    >
      <h3>{department.name}</h3>
      <div className="row">
        <label>
          Colour
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
        <label>
          First-response target (minutes)
          <input type="number" min={1} value={sla} onChange={(e) => setSla(e.target.value)} />
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
        <input value={tone} onChange={(e) => setTone(e.target.value)} />
      </label>
      <button type="submit">Save {department.name}</button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

export function DepartmentPanel({ departments }: { departments: Department[] }) {
  return (
    <section aria-label="Departments" className="grid-2">
      {departments.map((d) => (
        <DepartmentForm key={d.id} department={d} />
      ))}
    </section>
  );
}
