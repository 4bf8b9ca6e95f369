import { useCallback } from 'react';
import type { RefObject } from 'react';
import type { OverlayView } from '../../shared/messaging/protocol.ts';
import { useOverlayContext } from './overlay-context.ts';
import { useNativeEvents } from './use-native-events.ts';

interface Props {
  postKey: string;
  view: OverlayView | undefined;
  open: boolean;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/**
 * "Notes" on every badge, with the note count: opens the post's thread panel (ThreadPanel). It
 * listens natively, as the badge's other buttons do (react-listeners.ts).
 */
export function ThreadPanelToggle({ postKey, view, open, buttonRef }: Props) {
  const { openPanel } = useOverlayContext();
  const events = useNativeEvents<HTMLButtonElement>({
    click: () => openPanel(open ? null : postKey),
  });
  const refs = useCallback(
    (el: HTMLButtonElement | null) => {
      buttonRef.current = el;
      return events(el);
    },
    [events, buttonRef],
  );
  const count = view?.thread.noteCount ?? 0;
  return (
    <button
      ref={refs}
      type="button"
      className="sb-actions-button sb-notes-button"
      aria-expanded={open}
      aria-haspopup="dialog"
      title="Internal notes and the timeline"
    >
      Notes{count > 0 && <span className="sb-count"> {count}</span>}
    </button>
  );
}
