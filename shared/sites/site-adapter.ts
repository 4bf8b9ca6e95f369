import type { Platform, PostRef } from '../domain/schemas/post.ts';
import type { ComposerAdapter } from './composer-adapter.ts';

/**
 * What the overlay needs from a site. Pure DOM readers: they work on any Document (a live page,
 * or a saved one parsed by linkedom/jsdom) and touch no extension API.
 */
export interface SiteAdapter {
  platform: Platform;
  /**
   * Each post once, outermost post element, in document order; ads only when flagged. `root` is
   * the document, or an element in it (itself included) when only part of the page changed:
   * the outermost `candidates` element around that change, or the change itself.
   */
  findPosts(root: ParentNode): Element[];
  /**
   * A selector every element findPosts may return matches (before its other checks), so the
   * observer can look for new posts only where the page changed (observe.ts).
   */
  candidates: string;
  /** null when the element cannot be read as a post (markup changed, placeholder, ad). */
  readPost(el: Element): PostRef | null;
  /** Where the overlay's host element goes (the post's action bar, or the post itself). */
  mountPoint(el: Element): Element;
  /** The site's own reply boxes (issue 13); absent: the composer guard does not run. */
  composers?: ComposerAdapter;
}
