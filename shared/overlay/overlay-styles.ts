import { OVERLAY_TAG } from './overlay-mount.ts';

export interface OverlayStyles {
  /** The host's and frame's box only (frame.css): every host has it from its insertion. */
  frame(shadow: ShadowRoot): void;
  /** Everything else, added when the badge is first drawn. */
  adopt(shadow: ShadowRoot): void;
  /** Replaces the department colour rules in every shadow root at once. */
  setPalette(css: string): void;
}

/**
 * Every post's shadow root adopts the same constructed sheets: the frame's from its insertion,
 * then the overlay's CSS and a small palette of department colours (classes, not inline styles: an inline style per badge was a
 * measurable part of rendering 1,000 posts, and a colour change is then one sheet update).
 */
export function createOverlayStyles(frameCss: string, css: string): OverlayStyles {
  let sheets: [CSSStyleSheet, CSSStyleSheet, CSSStyleSheet] | null = null;
  let palette = '';
  let fallback = false;

  const styleElement = (text: string, role: string) => {
    const style = document.createElement('style');
    style.dataset.role = role;
    style.textContent = text;
    return style;
  };

  /** Adopts `pick` of the shared sheets; false when this browser cannot (then <style>s). */
  const adopted = (shadow: ShadowRoot, pick: (all: CSSStyleSheet[]) => CSSStyleSheet[]) => {
    if (fallback) return false;
    try {
      if (!sheets) {
        sheets = [new CSSStyleSheet(), new CSSStyleSheet(), new CSSStyleSheet()];
        sheets[0].replaceSync(frameCss);
        sheets[1].replaceSync(css);
        sheets[2].replaceSync(palette);
      }
      shadow.adoptedStyleSheets = pick(sheets);
      return true;
    } catch {
      fallback = true; // Firefox content scripts cannot always adopt a sheet they made
      return false;
    }
  };

  return {
    frame(shadow) {
      if (!adopted(shadow, ([frame]) => [frame!])) shadow.prepend(styleElement(frameCss, 'frame'));
    },
    adopt(shadow) {
      if (!adopted(shadow, (all) => all))
        shadow.append(styleElement(css, 'base'), styleElement(palette, 'palette'));
    },
    setPalette(next) {
      palette = next;
      if (!fallback) return sheets?.[2].replaceSync(next);
      for (const host of document.querySelectorAll(OVERLAY_TAG)) {
        const style = host.shadowRoot?.querySelector('style[data-role="palette"]');
        if (style) style.textContent = next;
      }
    },
  };
}
