import { useEffect, useLayoutEffect } from 'react';
import type { RefObject } from 'react';

const GAP = 4;
const MARGIN = 8;

export const supportsPopover =
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/**
 * Keeps an open menu in the top layer (the Popover API), next to its button. Posts clip their
 * overflow and X moves feed rows with transforms, so a menu positioned inside the post would be
 * cut off or misplaced; the top layer escapes both, and the element stays in our shadow root, so
 * its styles and events stay ours. It opens downward, or upward when there is more room above.
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
    const place = () => {
      const a = anchor.getBoundingClientRect();
      const m = menu.getBoundingClientRect();
      const below = innerHeight - a.bottom;
      const downward = below >= m.height + GAP + MARGIN || below >= a.top;
      const top = downward ? a.bottom + GAP : a.top - GAP - m.height;
      const left = Math.min(Math.max(MARGIN, a.right - m.width), innerWidth - m.width - MARGIN);
      menu.style.top = `${Math.max(MARGIN, top)}px`;
      menu.style.left = `${Math.max(MARGIN, left)}px`;
    };
    place();
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    const options = { capture: true, passive: true };
    addEventListener('scroll', follow, options);
    addEventListener('resize', follow, options);
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', follow, options);
      removeEventListener('resize', follow, options);
    };
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
