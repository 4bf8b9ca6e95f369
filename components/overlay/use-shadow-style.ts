import { useLayoutEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Puts `css` once into the shadow root that holds `ref`'s element, as a <style> of its own: for
 * the parts fetched on demand (menu, thread panel), whose rules are not in the sheet every post
 * adopts. Outside the badge's elements, so the host's mirrored text stays the badge's. Before the
 * first paint, so a popover is measured with its rules.
 */
export function useShadowStyle(ref: RefObject<Element | null>, role: string, css: string): void {
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode();
    if (!(root instanceof ShadowRoot) || root.querySelector(`style[data-role="${role}"]`)) return;
    const style = document.createElement('style');
    style.dataset.role = role;
    style.textContent = css;
    root.append(style);
  }, [ref, role, css]);
}
