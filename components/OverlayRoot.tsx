import { useMemo, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { OverlayAction } from '../shared/messaging/protocol.ts';
import type { OverlayMounts } from '../shared/overlay-mount.ts';
import type { OverlayStore } from '../shared/overlay-store.ts';
import { OverlayContext } from './overlay-context.ts';
import { OverlayErrorBoundary } from './OverlayErrorBoundary.tsx';
import { PostOverlay } from './PostOverlay.tsx';

interface Props {
  store: OverlayStore;
  mounts: OverlayMounts;
  act(action: OverlayAction): void;
}

/**
 * The content script's only React root: it renders nowhere itself and portals one PostOverlay
 * into each post's shadow root (see shared/overlay-mount.ts for why not one root per post).
 * Each portal is keyed by its host; inside, a recycled row (new post key) starts afresh.
 */
export function OverlayRoot({ store, mounts, act }: Props) {
  const mounted = useSyncExternalStore(mounts.subscribe, mounts.getSnapshot);
  const context = useMemo(() => ({ store, act }), [store, act]);
  return (
    <OverlayContext value={context}>
      {mounted.map((m) =>
        createPortal(
          <OverlayErrorBoundary key={m.postKey}>
            <PostOverlay postKey={m.postKey} />
          </OverlayErrorBoundary>,
          m.shadow,
          String(m.id),
        ),
      )}
    </OverlayContext>
  );
}
