import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { requestSignIn, requestSignOut } from '../../shared/messaging/extension-requests.ts';
import { useSession } from '../hooks/use-session.ts';
import { normaliseServerUrl } from '../../shared/background/settings.ts';
import { AlertPrefsForm } from './AlertPrefsForm.tsx';
import { ComposerPrefsForm } from './ComposerPrefsForm.tsx';
import { SignedInCard } from './SignedInCard.tsx';

/**
 * Asks for host permission for the configured server only, a local one included (the manifest
 * grants no host up front; a granted one answers true without asking). The pattern names the
 * host, any port: Firefox's patterns take no port. Asked first thing in the click: Firefox
 * honours a permission request only in the user's gesture, which an earlier await would end.
 */
function allowServer(serverUrl: string): Promise<boolean> {
  const { protocol, hostname } = new URL(serverUrl);
  return browser.permissions.request({ origins: [`${protocol}//${hostname}/*`] });
}

export function OptionsApp() {
  const [serverUrl, setServerUrl] = useState('http://127.0.0.1:8787');
  const [token, setToken] = useState('');
  const [session, setSession] = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const knownUrl = session?.serverUrl;
  useEffect(() => {
    if (knownUrl) setServerUrl(knownUrl);
  }, [knownUrl]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const url = normaliseServerUrl(serverUrl);
    if (!url) return setError(`"${serverUrl}" is not a server URL.`);
    setBusy(true);
    try {
      if (!(await allowServer(url)))
        return setError('Switchboard needs permission to reach this server.');
      const result = await requestSignIn(url, token);
      if (result.ok) {
        setSession(result.session);
        setToken('');
      } else setError(result.error);
    } catch (err) {
      setError(`Could not sign in: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  const signedIn = session?.me && session.connection !== 'signed-out';
  return (
    <main className="page narrow stack">
      <h1>Switchboard</h1>
      {signedIn ? (
        <>
          <SignedInCard
            session={session}
            onSignOut={() => void requestSignOut().then(setSession)}
          />
          <ComposerPrefsForm />
          <AlertPrefsForm
            departments={session.departments.filter((d) =>
              session.me!.departmentIds.includes(d.id),
            )}
          />
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="card">
          <p>Sign in with the token your admin gave you.</p>
          <label>
            Server URL
            <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required />
          </label>
          <label>
            Sign-in token
            <input
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              autoComplete="off"
              required
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          {(error ?? session?.error) && (
            <p role="alert" className="error">
              {error ?? session?.error}
            </p>
          )}
        </form>
      )}
    </main>
  );
}
