/**
 * DOM readers the site adapters share. Pure: they work on any Document (a live page, or one
 * linkedom built from a saved page in a test).
 */

/** The elements none of whose ancestors is in the list (a post's outer row and inner update both match). */
export function outermost(elements: readonly Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}
