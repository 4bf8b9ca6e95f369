/**
 * DOM readers the site adapters share. Pure: they work on any Document (a live page, or one
 * linkedom built from a saved page in a test).
 */

// By node type: a page parsed by linkedom or jsdom has Element classes of its own.
const isElement = (node: ParentNode): node is Element => (node as Node).nodeType === 1;

/** The elements under `root` that match `selector`, `root` itself first when it matches. */
export function matchesIn(root: ParentNode, selector: string): Element[] {
  const below = [...root.querySelectorAll(selector)];
  return isElement(root) && root.matches(selector) ? [root, ...below] : below;
}

/** The outermost ancestor of `el` (or `el`) that matches `selector`, or null. */
export function outermostMatch(el: Element, selector: string): Element | null {
  let found: Element | null = null;
  for (let c = el.closest(selector); c; c = c.parentElement?.closest(selector) ?? null) found = c;
  return found;
}

/**
 * Where a site's posts are looked for under `root`, when they live only inside its `container`
 * (X's primary column, Facebook's main region): the container when `root` holds it, `root` when
 * the container holds it (or the page has none), else nothing.
 */
export function postScope(root: ParentNode, container: string): ParentNode | null {
  const doc = isElement(root) ? root.ownerDocument : (root as Document);
  const found = (doc ?? root).querySelector?.(container) ?? null;
  if (!found || found === root) return root;
  if (root.contains(found)) return found;
  return found.contains(root as Node) ? root : null;
}

/** The elements none of whose ancestors is in the list (a post's outer row and inner update both match). */
export function outermost(elements: readonly Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

const BLOCK = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'PRE']);
// Editors pad empty lines and caret positions with these; they are not text the person typed.
const INVISIBLE = /[\u200B\uFEFF]/g;

function lines(el: Element): string[] {
  const kids = [...el.children];
  if (kids.length > 0 && kids.every((k) => BLOCK.has(k.tagName))) return kids.flatMap(lines);
  return [(el.textContent ?? '').replace(INVISIBLE, '')];
}

/**
 * The text typed into a rich-text editor (X's Draft.js, LinkedIn's Quill, Facebook's Lexical):
 * one line per block, joined with "\n". Placeholders are never inside the editor's own element
 * (Draft and Lexical draw them beside it, Quill in CSS), so an empty box reads as "".
 */
export function editorText(editor: Element): string {
  return lines(editor).join('\n').trim();
}

/**
 * True when `a` comes before `b` in document order and does not contain it. Walked by hand:
 * linkedom's compareDocumentPosition misorders nodes that were moved, and tests move them.
 */
export function precedes(a: Element, b: Element): boolean {
  if (a === b || a.contains(b)) return false;
  const chain = (n: Element) => {
    const out: Element[] = [];
    for (let p: Element | null = n; p; p = p.parentElement) out.unshift(p);
    return out;
  };
  const [pa, pb] = [chain(a), chain(b)];
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  const parent = pa[i - 1];
  if (!parent || !pa[i] || !pb[i]) return false; // different documents, or b contains a
  const kids = [...parent.children];
  return kids.indexOf(pa[i]!) < kids.indexOf(pb[i]!);
}
