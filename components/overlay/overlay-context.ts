import { createContext, useContext } from 'react';
import type { BadgeFeed } from '../../shared/overlay/badge-feed.ts';
import type { OverlayAction } from '../../shared/messaging/protocol.ts';
import type { OverlayStore } from '../../shared/overlay/overlay-store.ts';
import type { ActionOutcome, StoryOutcome } from '../../shared/overlay/overlay-port.ts';

export interface OverlayContextValue {
  store: OverlayStore;
  feed: BadgeFeed;
  act(action: OverlayAction): void;
  /** As `act`, for callers that show the outcome (the thread panel). */
  perform(action: OverlayAction): Promise<ActionOutcome>;
  /** The thread panel's data, asked for when it opens. */
  loadStory(postKey: string): Promise<StoryOutcome>;
  /** Opens a post's thread panel (one at a time), or closes it. */
  openPanel(postKey: string | null): void;
}

export const OverlayContext = createContext<OverlayContextValue | null>(null);

export function useOverlayContext(): OverlayContextValue {
  const value = useContext(OverlayContext);
  if (!value) throw new Error('overlay components render inside <OverlayRoot>');
  return value;
}
