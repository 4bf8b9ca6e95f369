import { createContext, useContext } from 'react';
import type { BadgeFeed } from '../../shared/overlay/badge-feed.ts';
import type { OverlayAction } from '../../shared/messaging/protocol.ts';
import type { OverlayStore } from '../../shared/overlay/overlay-store.ts';

export interface OverlayContextValue {
  store: OverlayStore;
  feed: BadgeFeed;
  act(action: OverlayAction): void;
}

export const OverlayContext = createContext<OverlayContextValue | null>(null);

export function useOverlayContext(): OverlayContextValue {
  const value = useContext(OverlayContext);
  if (!value) throw new Error('overlay components render inside <OverlayRoot>');
  return value;
}
