import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { ExtensionRequest, MyWork, RpcResult, SessionInfo, SignInResult } from './protocol.ts';
import { zMyWork, zRpcResult, zSessionInfo, zSignInResult } from './schemas.ts';

/**
 * Typed one-off requests from extension pages to the background; each answer is checked on
 * receipt, so a page never renders a malformed one (an old worker mid-update, a bug).
 */
async function request<T>(schema: z.ZodType<T>, message: ExtensionRequest): Promise<T> {
  const parsed = schema.safeParse(await browser.runtime.sendMessage(message));
  if (parsed.success) return parsed.data;
  throw new Error(`Switchboard’s background answered ${message.type} with something unreadable`);
}

export function requestSignIn(serverUrl: string, token: string): Promise<SignInResult> {
  return request(zSignInResult, { type: 'signIn', serverUrl, token });
}

export function requestSignOut(): Promise<SessionInfo> {
  return request(zSessionInfo, { type: 'signOut' });
}

export function requestSession(): Promise<SessionInfo> {
  return request(zSessionInfo, { type: 'getSession' });
}

export function requestMyWork(): Promise<MyWork | null> {
  return request(zMyWork.nullable(), { type: 'myWork' });
}

export function requestRpc(
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
): Promise<RpcResult> {
  return request(zRpcResult, { type: 'rpc', kind, path, input });
}
