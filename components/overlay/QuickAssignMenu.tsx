import { lazy, Suspense, useCallback, useId, useRef, useState } from 'react';
import type { OverlayAction, OverlayView, SessionInfo } from '../../shared/messaging/protocol.ts';
import type { MenuLevel } from './ActionsMenu.tsx';
import { useNativeEvents } from './use-native-events.ts';

// Fetched the first time a menu opens (with floating-ui): not part of every page's script.
const ActionsMenuLayer = lazy(() =>
  import('./ActionsMenu.tsx').then((m) => ({ default: m.ActionsMenuLayer })),
);

interface Props {
  postKey: string;
  view: OverlayView | undefined;
  session: SessionInfo;
  open: boolean;
  onOpenChange(open: boolean): void;
  onAct(action: OverlayAction): void;
}

const MAIN: MenuLevel = { kind: 'main' };

/**
 * The "Actions" button and, while open, its menu. The button is on every post, so it listens
 * natively (see react-listeners.ts); the menu renders into its own layer element, where React's
 * events work as usual, created only while the menu is open. Pressing "Actions" in a submenu
 * goes back to the main list; in the main list it closes the menu.
 */
export function QuickAssignMenu({ postKey, view, session, open, onOpenChange, onAct }: Props) {
  const [level, setLevel] = useState<MenuLevel>(MAIN);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const wrapperRef = useRef<HTMLSpanElement>(null);
  const menuId = useId();

  const show = (next: MenuLevel) => {
    setLevel(next);
    onOpenChange(true);
  };
  const close = useCallback(
    (refocus: boolean) => {
      onOpenChange(false);
      if (refocus) buttonRef.current?.focus();
    },
    [onOpenChange],
  );
  const events = useNativeEvents<HTMLButtonElement>({
    click: () => (open && level.kind === 'main' ? close(false) : show(MAIN)),
    keydown: (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      show(MAIN);
    },
  });
  const buttonRefs = useCallback(
    (el: HTMLButtonElement | null) => {
      buttonRef.current = el;
      return events(el);
    },
    [events],
  );

  return (
    <span className="sb-actions" ref={wrapperRef}>
      <button
        ref={buttonRefs}
        type="button"
        className="sb-actions-button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
      >
        Actions
      </button>
      {open && (
        <Suspense fallback={null}>
          <ActionsMenuLayer
            id={menuId}
            postKey={postKey}
            view={view}
            session={session}
            level={level}
            onLevel={setLevel}
            onAct={onAct}
            onClose={close}
            anchorRef={buttonRef}
            boundaryRef={wrapperRef}
          />
        </Suspense>
      )}
    </span>
  );
}
