import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { SessionInfo } from '../../shared/messaging/protocol.ts';
import { parseMessage, zSessionChanged } from '../../shared/messaging/schemas.ts';
import { requestSession } from '../../shared/messaging/extension-requests.ts';

/** The background's session in an extension page, kept current as it changes. */
export function useSession(): [SessionInfo | null, (s: SessionInfo) => void] {
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    const listener = (raw: unknown) => {
      // Pages also hear each other's requests to the background: only session changes matter.
      if ((raw as { type?: unknown } | null)?.type !== 'sessionChanged') return;
      const msg = parseMessage(zSessionChanged, raw, 'the background');
      if (msg) setSession(msg.session);
    };
    browser.runtime.onMessage.addListener(listener);
    void requestSession().then(setSession);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
  return [session, setSession];
}
