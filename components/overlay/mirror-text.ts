/**
 * Copies the overlay's text to an unrendered text node of its host (the shadow root has no
 * <slot>, so the node is never drawn, laid out or read twice by screen readers). Tools that read
 * `host.textContent` (test helpers, scrapers, a support engineer's console) then see what the
 * badge says; site CSS cannot style a bare text node, and the site's layout never changes.
 */
export function mirrorText(host: Element, overlay: Element | null): void {
  if (!overlay) return;
  const text = overlay.textContent ?? '';
  const first = host.firstChild;
  if (first?.nodeType === Node.TEXT_NODE) {
    if ((first as Text).data !== text) (first as Text).data = text;
  } else host.prepend(text);
}
