import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { mirrorText } from './mirror-text.ts';
import { useOverlayContext } from './overlay-context.ts';
import { OwnershipBadge } from './OwnershipBadge.tsx';
import { QuickAssignMenu } from './QuickAssignMenu.tsx';

/** Everything Switchboard shows under one post; it reads only the store, never the page. */
export const PostOverlay = memo(function PostOverlay({ postKey }: { postKey: string }) {
  const { store, act } = useOverlayContext();
  const { session, view, busy, note } = useStore(
    store,
    useShallow((s) => ({
      session: s.session,
      view: s.views[postKey],
      busy: postKey in s.pending,
      note: s.notes[postKey],
    })),
  );
  const [menuOpen, setMenuOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => mirrorText(ref.current));
  return (
    <div className="sb-overlay" ref={ref} role="group" aria-label="Switchboard">
      <OwnershipBadge
        view={view}
        session={session}
        busy={busy}
        // While the menu is open it offers the same choice; one button per name keeps it clear.
        offerSuggestion={!menuOpen}
        onAcceptSuggestion={(departmentId) => act({ kind: 'assign', postKey, departmentId })}
      />
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
  );
});
