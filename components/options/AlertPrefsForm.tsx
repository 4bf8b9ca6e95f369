import { useEffect, useState } from 'react';
import { ALERT_KINDS, DEFAULT_ALERT_PREFS } from '../../shared/background/alerts.ts';
import type { AlertKind, AlertPrefs } from '../../shared/background/alerts.ts';
import type { Department } from '../../shared/domain/schemas/org.ts';
import { alertPrefsItem } from '../../shared/background/alert-prefs.ts';

const kindLabel: Record<AlertKind, string> = {
  routed: 'A post is routed to my department',
  assigned: 'A post is assigned to me',
  claimLost: 'My claim is overridden or expires',
  slaWarning: 'A post in my department is about to miss its first-response target',
  slaBreached: 'A post in my department missed its first-response target',
  consulted: 'Someone asks my department about a post',
  consultAnswered: 'A department answers a question about my post',
  mentioned: 'Someone mentions me in a note',
};

/** Which alerts this browser shows; saved at once, read by the background on change. */
export function AlertPrefsForm({ departments }: { departments: Department[] }) {
  const [prefs, setPrefs] = useState<AlertPrefs>(DEFAULT_ALERT_PREFS);
  useEffect(() => {
    void alertPrefsItem.getValue().then(setPrefs);
    // Another options page (or window) changing them shows here too.
    return alertPrefsItem.watch(setPrefs);
  }, []);
  const update = (next: AlertPrefs) => {
    setPrefs(next);
    void alertPrefsItem.setValue(next);
  };
  const muted = prefs.mutedUntil !== null && prefs.mutedUntil > Date.now();

  return (
    <section className="card" aria-label="Alerts">
      <h2>Alerts</h2>
      <fieldset>
        <legend>Tell me when</legend>
        {ALERT_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={prefs.kinds[kind]}
              onChange={(e) =>
                update({ ...prefs, kinds: { ...prefs.kinds, [kind]: e.target.checked } })
              }
            />
            {kindLabel[kind]}
          </label>
        ))}
      </fieldset>
      {departments.length > 0 && (
        <fieldset>
          <legend>Departments</legend>
          {departments.map((d) => (
            <label key={d.id} className="check">
              <input
                type="checkbox"
                checked={!prefs.mutedDepartments.includes(d.id)}
                onChange={(e) =>
                  update({
                    ...prefs,
                    mutedDepartments: e.target.checked
                      ? prefs.mutedDepartments.filter((id) => id !== d.id)
                      : [...prefs.mutedDepartments, d.id],
                  })
                }
              />
              Alerts for {d.name}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>Quiet</legend>
        <p className="muted">
          {muted
            ? `Muted until ${new Date(prefs.mutedUntil!).toLocaleTimeString()}.`
            : 'Not muted.'}
        </p>
        <div className="row">
          <button
            type="button"
            onClick={() => update({ ...prefs, mutedUntil: Date.now() + 3_600_000 })}
          >
            Mute for 1 hour
          </button>
          {muted && (
            <button type="button" onClick={() => update({ ...prefs, mutedUntil: null })}>
              Unmute
            </button>
          )}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={prefs.quietHours !== null}
            onChange={(e) =>
              update({
                ...prefs,
                quietHours: e.target.checked ? { from: '19:00', to: '08:00' } : null,
              })
            }
          />
          Quiet hours
        </label>
        {prefs.quietHours && (
          <div className="row">
            <label>
              From
              <input
                type="time"
                value={prefs.quietHours.from}
                onChange={(e) =>
                  update({ ...prefs, quietHours: { ...prefs.quietHours!, from: e.target.value } })
                }
              />
            </label>
            <label>
              To
              <input
                type="time"
                value={prefs.quietHours.to}
                onChange={(e) =>
                  update({ ...prefs, quietHours: { ...prefs.quietHours!, to: e.target.value } })
                }
              />
            </label>
          </div>
        )}
      </fieldset>
    </section>
  );
}
