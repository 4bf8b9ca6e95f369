/**
 * Whether the page itself is dark, from its background colour: X, LinkedIn and Facebook have
 * their own theme settings, so a dark page can run on a light system and vice versa. null when
 * the page does not say (transparent background): then the system's preference applies.
 */
export function pageTheme(doc: Document = document): 'light' | 'dark' | null {
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const channels = getComputedStyle(el)
      .backgroundColor.match(/[\d.]+/g)
      ?.map(Number);
    if (!channels || channels.length < 3) continue;
    const [r = 0, g = 0, b = 0, alpha = 1] = channels;
    if (alpha === 0) continue;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return null;
}
