import type { SignInResult } from '../messaging/protocol.ts';
import type { BackgroundContext } from './background-context.ts';
import { errorMessage, httpServerClient, serverCode } from './server-link.ts';
import type { ServerConnection } from './server-connection.ts';
import { normaliseServerUrl, settingsItem } from './settings.ts';

/** Checks the token against the server, then makes it this browser's session. */
export async function signIn(
  ctx: BackgroundContext,
  connection: ServerConnection,
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
  const previous = await settingsItem.getValue();
  const previousMe = await ctx.db.getMeta<{ id: string }>('me');
  // Another server or another person: nothing cached for the old session may show.
  if (previous?.serverUrl !== serverUrl || previousMe?.id !== who.member.id) {
    connection.stop();
    await ctx.db.clearAll();
  }
  await settingsItem.setValue({ serverUrl, token: token.trim() });
  await connection.start({ serverUrl, token: token.trim() });
  return {
    ok: true,
    session: { ...ctx.session.get(), me: who.member, departments, orgName: who.org.name },
  };
}

export async function signOut(ctx: BackgroundContext, connection: ServerConnection) {
  connection.stop();
  await ctx.db.clearAll();
  await settingsItem.removeValue();
  await connection.start(null);
}
