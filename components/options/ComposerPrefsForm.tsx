import { useEffect, useState } from 'react';
import { composerPrefsItem } from '../../shared/background/settings.ts';
import type { ComposerPrefs } from '../../shared/background/settings.ts';

/** The member's choices at a site's reply box; saved at once, sent to every tab by the background. */
export function ComposerPrefsForm() {
  const [prefs, setPrefs] = useState<ComposerPrefs>({ claimOnType: true });
  useEffect(() => {
    void composerPrefsItem.getValue().then(setPrefs);
    return composerPrefsItem.watch(setPrefs);
  }, []);
  return (
    <section className="card" aria-label="Reply boxes">
      <h2>Reply boxes</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={prefs.claimOnType}
          onChange={(e) => {
            const next = { claimOnType: e.target.checked };
            setPrefs(next);
            void composerPrefsItem.setValue(next);
          }}
        />
        Claim a post when I start typing a reply to it (if nobody else is answering)
      </label>
      <p className="muted small">
        Beside the site’s reply box Switchboard shows who is answering the post, your department’s
        guidelines and any watch phrase in your reply. It never types or sends anything itself; a
        reply you send is recorded as the post’s answer.
      </p>
    </section>
  );
}
