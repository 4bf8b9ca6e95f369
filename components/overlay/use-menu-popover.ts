import { useEffect, useLayoutEffect } from 'react';
import type { RefObject } from 'react';
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

const GAP = 4;
const MARGIN = 8;

export const supportsPopover =
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/**
 * Keeps an open menu in the top layer (the Popover API), next to its button. Posts clip their
 * overflow and X moves feed rows with transforms, so a menu positioned inside the post would be
 * cut off or misplaced; the top layer escapes both, and the element stays in our shadow root, so
 * its styles and events stay ours. floating-ui places it: below the button, right-aligned, above
 * when it does not fit below, kept inside the viewport, and following the button as the page
 * scrolls, resizes or moves the row.
 */
export function useMenuPopover(
  anchorRef: RefObject<HTMLElement | null>,
  menuRef: RefObject<HTMLElement | null>,
  layoutKey: unknown,
): void {
  useLayoutEffect(() => {
    const menu = menuRef.current;
    const anchor = anchorRef.current;
    if (!menu || !anchor || !supportsPopover) return;
    if (!menu.matches(':popover-open')) menu.showPopover();
    const place = () =>
      void computePosition(anchor, menu, {
        // The top layer is laid out against the viewport.
        strategy: 'fixed',
        placement: 'bottom-end',
        middleware: [offset(GAP), flip({ padding: MARGIN }), shift({ padding: MARGIN })],
      }).then(({ x, y }) => {
        menu.style.left = `${x}px`;
        menu.style.top = `${y}px`;
      });
    return autoUpdate(anchor, menu, place);
  }, [anchorRef, menuRef, layoutKey]);
}

/** Closes the menu on a press anywhere outside `insideRef` (capture: sites stop propagation). */
export function useOutsidePress(
  insideRef: RefObject<HTMLElement | null>,
  onOutside: () => void,
): void {
  useEffect(() => {
    const onPress = (event: Event) => {
      const inside = insideRef.current;
      if (inside && !event.composedPath().includes(inside)) onOutside();
    };
    document.addEventListener('pointerdown', onPress, true);
    return () => document.removeEventListener('pointerdown', onPress, true);
  }, [insideRef, onOutside]);
}

/** Arrow keys, Home and End move focus between the menu's buttons; true when handled. */
export function moveMenuFocus(menu: HTMLElement, key: string): boolean {
  const items = [...menu.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
  if (items.length === 0) return false;
  const root = menu.getRootNode() as Document | ShadowRoot;
  const current = items.indexOf(root.activeElement as HTMLButtonElement);
  const last = items.length - 1;
  const next: Record<string, number> = {
    ArrowDown: current >= last ? 0 : current + 1,
    ArrowUp: current <= 0 ? last : current - 1,
    Home: 0,
    End: last,
  };
  const index = next[key];
  if (index === undefined) return false;
  items[index]?.focus();
  return true;
}
