import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { createBadgeFeed } from '../../shared/overlay/badge-feed.ts';
import type { OverlayAction } from '../../shared/messaging/protocol.ts';
import type { OverlayPort } from '../../shared/overlay/overlay-port.ts';
import { panelOpened } from '../../shared/overlay/overlay-store.ts';
import { PORTAL_BUCKETS } from '../../shared/overlay/overlay-mount.ts';
import type { OverlayMounts } from '../../shared/overlay/overlay-mount.ts';
import type { OverlayStore } from '../../shared/overlay/overlay-store.ts';
import { OverlayContext } from './overlay-context.ts';
import { OverlayErrorBoundary } from './OverlayErrorBoundary.tsx';
import { PostOverlay } from './PostOverlay.tsx';

interface Props {
  store: OverlayStore;
  mounts: OverlayMounts;
  port: Pick<OverlayPort, 'act' | 'story'>;
}

const BUCKETS = Array.from({ length: PORTAL_BUCKETS }, (_, i) => i);

/** One bucket of hosts (see PORTAL_BUCKETS): re-renders only when its own hosts change. */
const PortalBucket = memo(function PortalBucket(props: { mounts: OverlayMounts; bucket: number }) {
  const { mounts, bucket } = props;
  const subscribe = useCallback((l: () => void) => mounts.subscribe(bucket, l), [mounts, bucket]);
  const mounted = useSyncExternalStore(subscribe, () => mounts.getSnapshot(bucket));
  return mounted.map((m) =>
    createPortal(
      <OverlayErrorBoundary key={m.postKey}>
        <PostOverlay postKey={m.postKey} host={m.host} frame={m.frame} />
      </OverlayErrorBoundary>,
      m.frame,
      String(m.id),
    ),
  );
});

/**
 * The content script's only React root: it renders nowhere itself and portals one PostOverlay
 * into each post's shadow root (see shared/overlay-mount.ts for why not one root per post).
 * Each portal is keyed by its host; inside, a recycled row (new post key) starts afresh.
 */
export function OverlayRoot({ store, mounts, port }: Props) {
  const context = useMemo(
    () => ({
      store,
      feed: createBadgeFeed(store),
      act: (action: OverlayAction) => void port.act(action),
      perform: port.act,
      loadStory: port.story,
      openPanel: (postKey: string | null) =>
        store.setState(panelOpened(store.getState(), postKey), true),
    }),
    [store, port],
  );
  return (
    <OverlayContext value={context}>
      {BUCKETS.map((bucket) => (
        <PortalBucket key={bucket} mounts={mounts} bucket={bucket} />
      ))}
    </OverlayContext>
  );
}
