import { useCallback, useState } from 'react';
import type { RefObject } from 'react';
import type { OverlayView } from '../../shared/messaging/protocol.ts';
import { useOverlayContext } from './overlay-context.ts';
import { ReactEventsLayer } from './react-events-layer.tsx';
import { ThreadPanel } from './ThreadPanel.tsx';

interface Props {
  postKey: string;
  view: OverlayView | undefined;
  /** The post's host: presses anywhere in it (the badge, the panel) do not close the panel. */
  host: Element;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/**
 * Rendered only while the panel is open, so a closed panel costs a badge nothing. The panel goes
 * into a layer of its own, where React's events work, beside the badge rather than inside it:
 * the host's mirrored text (mirror-text.ts) stays the badge's.
 */
export function ThreadPanelLayer({ postKey, view, host, buttonRef }: Props) {
  const { openPanel } = useOverlayContext();
  const [boundary] = useState(() => ({ current: host as HTMLElement }));
  const close = useCallback(
    (refocus: boolean) => {
      openPanel(null);
      if (refocus) buttonRef.current?.focus();
    },
    [openPanel, buttonRef],
  );
  return (
    <ReactEventsLayer>
      <ThreadPanel
        postKey={postKey}
        view={view}
        anchorRef={buttonRef}
        boundaryRef={boundary}
        onClose={close}
      />
    </ReactEventsLayer>
  );
}
