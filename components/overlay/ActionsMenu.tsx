import { useCallback, useEffect, useRef } from 'react';
import type { FocusEvent, KeyboardEvent, ReactNode, RefObject } from 'react';
import type {
  ActionKind,
  OverlayAction,
  OverlayView,
  SessionInfo,
} from '../../shared/messaging/protocol.ts';
import { AssignChoices } from './AssignChoices.tsx';
import popoverCss from './popover.css?inline';
import { useShadowStyle } from './use-shadow-style.ts';
import { ReactEventsLayer } from './react-events-layer.tsx';
import { actionLabels, menuActions } from './menu-actions.ts';
import {
  moveMenuFocus,
  supportsPopover,
  useMenuPopover,
  useOutsidePress,
} from './use-menu-popover.ts';

/** main list | departments | people of the department just routed to */
export type MenuLevel = { kind: 'main' } | { kind: 'assign'; departmentId: string | null };

interface Props {
  id: string;
  postKey: string;
  view: OverlayView | undefined;
  session: SessionInfo;
  level: MenuLevel;
  onLevel(level: MenuLevel): void;
  onAct(action: OverlayAction): void;
  onClose(refocus: boolean): void;
  anchorRef: RefObject<HTMLElement | null>;
  /** Presses and focus inside it (the button and the menu) do not close the menu. */
  boundaryRef: RefObject<HTMLElement | null>;
}

/** The open menu, in a layer element of its own where React's events work as usual. */
export function ActionsMenuLayer(props: Props) {
  return (
    <ReactEventsLayer>
      <ActionsMenu {...props} />
    </ReactEventsLayer>
  );
}

/**
 * The open menu: plain buttons (the acceptance contract names them as buttons, so they keep the
 * button role) with menu keys: arrows, Home/End, Escape/ArrowLeft one level up, Escape on the
 * main list closes and returns focus to "Actions". Signed out, it says how to sign in.
 */
export function ActionsMenu(props: Props) {
  const { id, postKey, view, session, level, onLevel, onAct, onClose } = props;
  const menuRef = useRef<HTMLDivElement>(null);
  const closeQuietly = useCallback(() => onClose(false), [onClose]);
  useShadowStyle(menuRef, 'popover', popoverCss);
  useMenuPopover(props.anchorRef, menuRef, level);
  useOutsidePress(props.boundaryRef, closeQuietly);
  useEffect(() => {
    if (menuRef.current) moveMenuFocus(menuRef.current, 'Home');
  }, [level]);

  const me = session.me;
  const up = () =>
    onLevel(
      level.kind === 'assign' && level.departmentId ? { ...level, departmentId: null } : MAIN,
    );
  const run = (kind: ActionKind) => {
    if (kind === 'assign') return onLevel({ kind: 'assign', departmentId: null });
    onAct({ kind, postKey });
    onClose(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const back = event.key === 'Escape' || event.key === 'ArrowLeft';
    if (back && level.kind === 'assign') up();
    else if (event.key === 'Escape') onClose(true);
    else if (!moveMenuFocus(event.currentTarget, event.key)) return;
    event.preventDefault();
  };
  // Tabbing out of the overlay closes the menu; focus already went where the user sent it.
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && !props.boundaryRef.current?.contains(next)) onClose(false);
  };

  let content: ReactNode;
  if (!me || session.connection === 'signed-out')
    content = (
      <p className="sb-menu-note">
        {session.connection === 'connecting'
          ? 'Connecting to Switchboard…'
          : 'Sign in to Switchboard (extension options) to claim and route posts.'}
      </p>
    );
  else if (level.kind === 'assign')
    content = (
      <AssignChoices
        view={view}
        session={session}
        me={me}
        departmentId={level.departmentId}
        onBack={up}
        onDepartment={(departmentId) => {
          // Routing is one click; the people of that department follow, to assign someone.
          onAct({ kind: 'assign', postKey, departmentId });
          onLevel({ kind: 'assign', departmentId });
        }}
        onAssignee={(assigneeId) => {
          // The department again: harmless if routed already, right if that is still in flight.
          const departmentId = level.departmentId ?? undefined;
          onAct({ kind: 'assign', postKey, departmentId, assigneeId });
          onClose(true);
        }}
        onDone={() => onClose(true)}
      />
    );
  else {
    const kinds = menuActions(view, me);
    content = kinds.map((kind) => (
      <button key={kind} type="button" className="sb-item" onClick={() => run(kind)}>
        {actionLabels[kind]}
      </button>
    ));
    if (kinds.length === 0) content = <p className="sb-menu-note">Nothing to do on this post.</p>;
  }

  return (
    <div
      ref={menuRef}
      id={id}
      role="group"
      aria-label="Switchboard actions"
      className={supportsPopover ? 'sb-menu' : 'sb-menu sb-menu-inline'}
      popover={supportsPopover ? 'manual' : undefined}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      {content}
    </div>
  );
}

const MAIN: MenuLevel = { kind: 'main' };
