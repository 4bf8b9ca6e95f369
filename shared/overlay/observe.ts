import { endOfTask, nextTask } from './next-frame.ts';
import type { PostRef } from '../domain/schemas/post.ts';
import type { SiteAdapter } from '../sites/site-adapter.ts';
import { outermost, outermostMatch } from '../sites/dom-readers.ts';

export interface PostChange {
  el: Element;
  /** null: the element left the DOM or no longer reads as a post (placeholder, ad). */
  post: PostRef | null;
  /** The key the element was annotated with before this change; equal to post.key when only
   *  its subtree changed (the site may have removed our host: the caller re-checks it). */
  previousKey: string | null;
}

export interface ObserveOptions {
  signal: AbortSignal;
  /** Nodes we insert ourselves: adding them must not trigger a rescan. */
  isOwnNode?: (node: Node) => boolean;
  onError?: (error: unknown) => void;
  /**
   * Reading time per slice; the rest waits for a task of its own (16 ms reads about 500 posts).
   * The changes of all the slices are handed over together after the last: each hand-over puts
   * hosts in the page, and on the 1,000-post page every such pass re-laid out and re-painted the
   * whole feed in a long task of its own (three of 200-330 ms, now one).
   */
  sliceBudgetMs?: number;
}

/**
 * One MutationObserver for the whole page, read at the end of each task that changed it. New
 * posts come from the adapter's findPosts (it knows where posts live, e.g. only inside X's
 * primaryColumn); a post whose subtree changed is read again, because virtualised feeds recycle
 * an element for another post (issue 3).
 */
export function observePosts(
  root: Node & ParentNode,
  adapter: SiteAdapter,
  onChange: (changes: PostChange[]) => void,
  options: ObserveOptions,
): { rescan(): void } {
  const { signal, isOwnNode = () => false, onError = () => {}, sliceBudgetMs = 16 } = options;
  // '' marks an element that was read and is not a post: re-read only when its subtree changes.
  const keys = new WeakMap<Element, string>();
  const annotated = new Set<Element>();
  const dirty = new Set<Element>();
  /** Where nodes were added since the last read: new posts are looked for there only. */
  const added = new Set<Element>();
  let scanAll = true;
  let sweep = false;
  let cancelFlush: (() => void) | null = null;

  // Posts are read at the end of the task that changed the page (the observer's own microtask),
  // so hosts go in before the frame that draws the page's change: one layout pass for both, and
  // no frame of our own. What is left over the budget waits for a task of its own.
  const schedule = (leftover = false) => {
    if (!cancelFlush && !signal.aborted) cancelFlush = (leftover ? nextTask : endOfTask)(flush);
  };
  const rescan = () => {
    scanAll = sweep = true;
    schedule();
  };

  const postOf = (node: Node): Element | null => {
    const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
    for (let n = start; n; n = n.parentElement) if (keys.has(n)) return n;
    return null;
  };

  const read = (el: Element): PostChange | null => {
    const previousKey = keys.get(el) || null;
    let post: PostRef | null = null;
    try {
      post = adapter.readPost(el);
    } catch (error) {
      onError(error);
    }
    keys.set(el, post?.key ?? '');
    if (post) annotated.add(el);
    else annotated.delete(el);
    return post || previousKey ? { el, post, previousKey } : null;
  };

  // What the slices of a scan read so far: handed over once, after the last.
  const changes: PostChange[] = [];
  function flush() {
    cancelFlush = null;
    if (signal.aborted) return;
    const start = performance.now();
    if (sweep) {
      sweep = false;
      for (const el of annotated) {
        if (el.isConnected) continue;
        changes.push({ el, post: null, previousKey: keys.get(el) || null });
        annotated.delete(el);
        keys.delete(el);
        dirty.delete(el);
      }
    }
    try {
      if (scanAll) {
        scanAll = false;
        added.clear();
        for (const el of adapter.findPosts(root)) if (!keys.has(el)) dirty.add(el);
      } else if (added.size > 0) {
        const scopes = outermost(scopesOf(added));
        added.clear();
        for (const scope of scopes)
          for (const el of adapter.findPosts(scope)) if (!keys.has(el)) dirty.add(el);
      }
    } catch (error) {
      onError(error);
    }
    for (const el of dirty) {
      if (performance.now() - start > sliceBudgetMs) break;
      dirty.delete(el);
      const change = el.isConnected ? read(el) : null;
      if (change) changes.push(change);
    }
    if (dirty.size > 0) return schedule(true);
    if (changes.length > 0) onChange(changes.splice(0));
  }

  // Where an added node may have made posts: the outermost post candidate around it (a post
  // whose content came late may read as a post only now), else the added element itself. A
  // feed that keeps growing was read whole for each row it gained: 200 posts on LinkedIn's
  // replay cost 0.4 ms per post, and more the longer the feed (issue 15).
  const scopesOf = (starts: Iterable<Element>): Element[] => {
    const scopes = new Set<Element>();
    for (const start of starts) {
      if (!start.isConnected) continue;
      const scope = outermostMatch(start, adapter.candidates);
      if (scope) scopes.add(scope);
      else if (!isOwnNode(start)) scopes.add(start);
    }
    // In document order, as a full read gives them (4: DOCUMENT_POSITION_FOLLOWING).
    return [...scopes].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  };

  // Our hosts' own changes (inserting one, its text mirror) say nothing about the site.
  const ours = (record: MutationRecord) =>
    isOwnNode(record.target) ||
    (record.target.parentNode !== null && isOwnNode(record.target.parentNode)) ||
    (record.type === 'childList' &&
      record.removedNodes.length === 0 &&
      Array.from(record.addedNodes).every(isOwnNode));

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (ours(record)) continue;
      if (record.type === 'childList') {
        // An added text node changes only what is around it (a name that came late).
        let text = false;
        for (const node of record.addedNodes)
          if (node.nodeType === 1) added.add(node as Element);
          else text = true;
        // Text added outside every post candidate makes no post (its elements tell one).
        const around = text && (record.target as Element).closest?.(adapter.candidates);
        if (around) added.add(around);
        if (record.removedNodes.length > 0) sweep = true;
      }
      const post = postOf(record.target);
      if (post) dirty.add(post);
    }
    if (scanAll || sweep || added.size > 0 || dirty.size > 0) schedule();
  });
  // Identity lives in links and data attributes, and a recycled row may only get new text and
  // hrefs (no childList change), so those are watched too; <title> changes on SPA navigation.
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['href', 'datetime', 'data-urn', 'data-id', 'componentkey'],
  });
  if (typeof window !== 'undefined') window.addEventListener('popstate', rescan, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancelFlush?.();
    },
    { once: true },
  );
  schedule();
  return { rescan };
}
