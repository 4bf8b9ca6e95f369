import {
  lazy,
  memo,
  Suspense,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { TALL } from '../../shared/overlay/overlay-mount.ts';
import { mirrorText } from './mirror-text.ts';
import { useOverlayContext } from './overlay-context.ts';
import { OwnershipBadge } from './OwnershipBadge.tsx';
import { QuickAssignMenu } from './QuickAssignMenu.tsx';
import { ThreadPanelToggle } from './ThreadPanelToggle.tsx';

// Fetched the first time a thread panel opens: not part of every page's script (issue 15).
const ThreadPanelLayer = lazy(() =>
  import('./ThreadPanelLayer.tsx').then((m) => ({ default: m.ThreadPanelLayer })),
);

/** Everything Switchboard shows under one post; it reads only the store, never the page. */
interface Props {
  postKey: string;
  /** The post's <switchboard-overlay>, whose text mirrors the badge's (mirror-text.ts). */
  host: Element;
  /** The host's frame (frame.css): one line high unless a note needs a second. */
  frame: Element;
}

export const PostOverlay = memo(function PostOverlay({ postKey, host, frame }: Props) {
  const { store, feed, act } = useOverlayContext();
  // Through the badge feed, so an update wakes only the badges it concerns (badge-feed.ts).
  const onPost = useCallback((l: () => void) => feed.subscribePost(postKey, l), [feed, postKey]);
  const session = useSyncExternalStore(feed.subscribeSession, () => store.getState().session);
  const view = useSyncExternalStore(onPost, () => store.getState().views.get(postKey));
  const busy = useSyncExternalStore(onPost, () => postKey in store.getState().pending);
  const note = useSyncExternalStore(onPost, () => store.getState().notes[postKey]);
  // The same post subscription: the panel's state is the store's (one open panel per page).
  const panelOpen = useSyncExternalStore(onPost, () => store.getState().panel === postKey);
  const [menuOpen, setMenuOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const notesButton = useRef<HTMLButtonElement | null>(null);
  useLayoutEffect(() => {
    mirrorText(host, ref.current);
    frame.classList.toggle(TALL, !!note); // no change, no mutation
  });
  return (
    <>
      <div className="sb-overlay" ref={ref} role="group" aria-label="Switchboard">
        <OwnershipBadge
          view={view}
          session={session}
          busy={busy}
          // While the menu is open it offers the same choice; one button per name keeps it clear.
          offerSuggestion={!menuOpen}
          onAcceptSuggestion={(departmentId) => act({ kind: 'assign', postKey, departmentId })}
        />
        <ThreadPanelToggle postKey={postKey} view={view} open={panelOpen} buttonRef={notesButton} />
        <QuickAssignMenu
          postKey={postKey}
          view={view}
          session={session}
          open={menuOpen}
          onOpenChange={setMenuOpen}
          onAct={act}
        />
        {note && (
          <p
            className={`sb-note sb-note-${note.level}`}
            role={note.level === 'error' ? 'alert' : 'status'}
          >
            {note.text}
          </p>
        )}
      </div>
      {panelOpen && (
        <Suspense fallback={null}>
          <ThreadPanelLayer postKey={postKey} view={view} host={host} buttonRef={notesButton} />
        </Suspense>
      )}
    </>
  );
});
