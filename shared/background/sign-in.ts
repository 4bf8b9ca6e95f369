import type { SignInResult } from '../messaging/protocol.ts';
import { errorMessage, httpServerClient, serverCode } from './server-link.ts';
import { clearSettings, loadSettings, normaliseServerUrl, saveSettings } from './settings.ts';
import type { SyncEngine } from './sync-engine.ts';

/** Checks the token against the server, then makes it this browser's session. */
export async function signIn(
  engine: SyncEngine,
  serverUrlInput: string,
  token: string,
): Promise<SignInResult> {
  const serverUrl = normaliseServerUrl(serverUrlInput);
  if (!serverUrl)
    return { ok: false, reason: 'invalid', error: `"${serverUrlInput}" is not a server URL` };
  if (!token.trim()) return { ok: false, reason: 'invalid', error: 'enter your sign-in token' };
  const client = httpServerClient(serverUrl, token.trim());
  let who;
  let departments;
  try {
    who = await client.auth.whoami.query();
    departments = await client.departments.list.query();
  } catch (e) {
    if (serverCode(e) === 'UNAUTHORIZED')
      return { ok: false, reason: 'refused', error: 'The server refused this sign-in token.' };
    return {
      ok: false,
      reason: 'unreachable',
      error: `Could not reach the server at ${serverUrl} (${errorMessage(e)}).`,
    };
  }
  const previous = await loadSettings();
  const previousMe = await engine.db.getMeta<{ id: string }>('me');
  // Another server or another person: nothing cached for the old session may show.
  if (previous?.serverUrl !== serverUrl || previousMe?.id !== who.member.id) {
    engine.stop();
    await engine.db.clearAll();
  }
  await saveSettings({ serverUrl, token: token.trim() });
  await engine.start({ serverUrl, token: token.trim() });
  return {
    ok: true,
    session: {
      ...engine.getSession(),
      me: who.member,
      departments,
      orgName: who.org.name,
    },
  };
}

export async function signOut(engine: SyncEngine) {
  engine.stop();
  await engine.db.clearAll();
  await clearSettings();
  await engine.start(null);
}
