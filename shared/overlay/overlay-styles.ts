import { OVERLAY_TAG } from './overlay-mount.ts';

export interface OverlayStyles {
  adopt(shadow: ShadowRoot): void;
  /** Replaces the department colour rules in every shadow root at once. */
  setPalette(css: string): void;
}

/**
 * Every post's shadow root adopts the same two constructed sheets: the overlay's CSS and a small
 * palette of department colours (classes, not inline styles: an inline style per badge was a
 * measurable part of rendering 1,000 posts, and a colour change is then one sheet update).
 */
export function createOverlayStyles(css: string): OverlayStyles {
  let sheets: [CSSStyleSheet, CSSStyleSheet] | null = null;
  let palette = '';
  let fallback = false;

  const styleElement = (text: string, role: string) => {
    const style = document.createElement('style');
    style.dataset.role = role;
    style.textContent = text;
    return style;
  };

  return {
    adopt(shadow) {
      if (!fallback) {
        try {
          if (!sheets) {
            sheets = [new CSSStyleSheet(), new CSSStyleSheet()];
            sheets[0].replaceSync(css);
            sheets[1].replaceSync(palette);
          }
          shadow.adoptedStyleSheets = sheets;
          return;
        } catch {
          fallback = true; // Firefox content scripts cannot always adopt a sheet they made
        }
      }
      shadow.append(styleElement(css, 'base'), styleElement(palette, 'palette'));
    },
    setPalette(next) {
      palette = next;
      if (!fallback) return sheets?.[1].replaceSync(next);
      for (const host of document.querySelectorAll(OVERLAY_TAG)) {
        const style = host.shadowRoot?.querySelector('style[data-role="palette"]');
        if (style) style.textContent = next;
      }
    },
  };
}
