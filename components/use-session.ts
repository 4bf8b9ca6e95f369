import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { SessionChanged, SessionInfo } from '../shared/messaging/protocol.ts';
import { requestSession } from '../shared/messaging/extension-requests.ts';

/** The background's session in an extension page, kept current as it changes. */
export function useSession(): [SessionInfo | null, (s: SessionInfo) => void] {
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    const listener = (raw: unknown) => {
      const msg = raw as SessionChanged;
      if (msg?.type === 'sessionChanged') setSession(msg.session);
    };
    browser.runtime.onMessage.addListener(listener);
    void requestSession().then(setSession);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
  return [session, setSession];
}
