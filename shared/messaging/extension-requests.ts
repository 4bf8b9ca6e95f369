import { browser } from 'wxt/browser';
import type { ExtensionRequest, MyWork, SessionInfo, SignInResult } from './protocol.ts';

/** Typed one-off requests from extension pages to the background. */
export function requestSignIn(serverUrl: string, token: string): Promise<SignInResult> {
  return browser.runtime.sendMessage({
    type: 'signIn',
    serverUrl,
    token,
  } satisfies ExtensionRequest);
}

export function requestSignOut(): Promise<SessionInfo> {
  return browser.runtime.sendMessage({ type: 'signOut' } satisfies ExtensionRequest);
}

export function requestSession(): Promise<SessionInfo> {
  return browser.runtime.sendMessage({ type: 'getSession' } satisfies ExtensionRequest);
}

export function requestMyWork(): Promise<MyWork | null> {
  return browser.runtime.sendMessage({ type: 'myWork' } satisfies ExtensionRequest);
}
