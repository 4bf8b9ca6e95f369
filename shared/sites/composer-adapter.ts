import type { PostRef } from '../domain/schemas/post.ts';

/** One of the site's own reply boxes, and the post it answers, as read from the page now. */
export interface Composer {
  /** The editable element (a contenteditable textbox). */
  editor: Element;
  /** The post the reply answers, read by the site's own post reader (same key as its badge). */
  post: PostRef;
  /** What is typed so far, lines joined by "\n"; "" while empty (placeholders are not text). */
  text: string;
  /**
   * The send control while the site shows one: X's is disabled while the box is empty;
   * LinkedIn and Facebook render theirs only once there is text.
   */
  submit: Element | null;
  /** The box's frame: focus anywhere inside it (toolbar, send button) is still this box. */
  region: Element;
  /** The composer guard's host goes right after this element, inside the box's frame. */
  mountAfter: Element;
}

/**
 * The keyboard shortcut that sends from a site's reply box: Ctrl/Cmd+Enter (X), Enter without
 * Shift (Facebook; Shift+Enter breaks the line), or none (LinkedIn sends by its button).
 */
export type SendShortcut = 'mod-enter' | 'enter' | null;

/**
 * Reply boxes of one site. Pure DOM readers like the post readers: site markup only from the
 * site's selectors.ts, no extension API, any Document (live or saved).
 */
export interface ComposerAdapter {
  /** Every reply box in `root` (its editor element), never a box that writes a new post. */
  findComposers(root: ParentNode): Element[];
  /**
   * The reply box `el` is (or is inside) and the post it answers; null for a box that answers
   * no post (a new post, a reply to a comment) or markup that cannot be read.
   */
  readComposer(el: Element): Composer | null;
  sendShortcut: SendShortcut;
}
