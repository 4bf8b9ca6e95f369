import type { Platform, PostRef } from '../domain/schemas/post.ts';
import type { ComposerAdapter } from './composer-adapter.ts';

/**
 * What the overlay needs from a site. Pure DOM readers: they work on any Document (a live page,
 * or a saved one parsed by linkedom/jsdom) and touch no extension API.
 */
export interface SiteAdapter {
  platform: Platform;
  /** Each post once, outermost post element, in document order; ads only when flagged. */
  findPosts(root: ParentNode): Element[];
  /** null when the element cannot be read as a post (markup changed, placeholder, ad). */
  readPost(el: Element): PostRef | null;
  /** Where the overlay's host element goes (the post's action bar, or the post itself). */
  mountPoint(el: Element): Element;
  /** The site's own reply boxes (issue 13); absent: the composer guard does not run. */
  composers?: ComposerAdapter;
}
