import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { ThreadStory } from '../../shared/domain/schemas/index.ts';
import type { OverlayAction, OverlayView } from '../../shared/messaging/protocol.ts';
import { useNow } from '../hooks/use-now.ts';
import type { StoryActions } from '../thread-panel/story-actions.ts';
import { ThreadStoryView } from '../thread-panel/ThreadStoryView.tsx';
import { useOverlayContext } from './overlay-context.ts';
import { supportsPopover, useMenuPopover, useOutsidePress } from './use-menu-popover.ts';
import { useShadowStyle } from './use-shadow-style.ts';
import popoverCss from './popover.css?inline';
import panelCss from '../thread-panel/thread-panel.css?inline';

interface Props {
  postKey: string;
  view: OverlayView | undefined;
  anchorRef: RefObject<HTMLElement | null>;
  /** The button and the panel: presses inside do not close it. */
  boundaryRef: RefObject<HTMLElement | null>;
  onClose(refocus: boolean): void;
}

/**
 * The thread panel on the site: in the top layer (as the Actions menu), inside the post's
 * shadow root. Its data is asked for when it opens and again when the thread changes (a note,
 * an answer, a new owner), never pushed to badges. Escape closes it; so does a press outside,
 * unless a note is being written.
 */
export function ThreadPanel({ postKey, view, anchorRef, boundaryRef, onClose }: Props) {
  const { store, perform, loadStory } = useOverlayContext();
  const [story, setStory] = useState<ThreadStory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const draft = useRef(false);
  const headingId = useId();
  const now = useNow();
  const version = view?.thread.version;
  const pending = view?.pending;
  useShadowStyle(panelRef, 'popover', popoverCss);
  useShadowStyle(panelRef, 'panel', panelCss);
  useMenuPopover(anchorRef, panelRef, story);
  useOutsidePress(
    boundaryRef,
    useCallback(() => !draft.current && onClose(false), [onClose]),
  );
  useEffect(() => {
    if (pending) return; // the queued change's own answer follows
    let current = true;
    void loadStory(postKey).then((outcome) => {
      if (!current) return;
      if (outcome.story) setStory(outcome.story);
      setError(outcome.error ?? null);
    });
    return () => {
      current = false;
    };
  }, [loadStory, postKey, version, pending]);
  // Into the panel once it has something: the note box, else its first button (Close).
  const loaded = story !== null || error !== null;
  useEffect(() => {
    const panel = panelRef.current;
    (panel?.querySelector('textarea') ?? panel?.querySelector('button'))?.focus();
  }, [loaded]);

  const me = store.getState().session.me;
  const { members, departments } = store.getState().session;
  const run = (action: Omit<OverlayAction, 'postKey'>) => perform({ ...action, postKey });
  const actions: StoryActions = {
    addNote: (text) => run({ kind: 'addNote', text }),
    consult: (departmentId, text) => run({ kind: 'consult', departmentId, text }),
    answer: (consultId, text) => run({ kind: 'answerConsult', consultId, text }),
    withdraw: (consultId) => run({ kind: 'withdrawConsult', consultId }),
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose(true);
  };
  return (
    <div
      ref={panelRef}
      role="dialog"
      aria-labelledby={headingId}
      className={supportsPopover ? 'sb-menu sb-panel' : 'sb-menu sb-menu-inline sb-panel'}
      popover={supportsPopover ? 'manual' : undefined}
      onKeyDown={onKeyDown}
    >
      {me ? (
        <ThreadStoryView
          story={story}
          error={error}
          view={view}
          me={me}
          members={members}
          departments={departments}
          now={Math.max(now, story?.now ?? 0)}
          actions={actions}
          headingId={headingId}
          onClose={() => onClose(true)}
          onDraft={(d) => (draft.current = d)}
        />
      ) : (
        <p id={headingId} className="sb-menu-note">
          Sign in to Switchboard (extension options) to see notes.
        </p>
      )}
    </div>
  );
}
