import type { OverlayStyles } from './overlay-styles.ts';
import type { PostRef } from '../domain/schemas/post.ts';

export const OVERLAY_TAG = 'switchboard-overlay';

/**
 * Hosts are handed to React in buckets (by id): revealing a few badges while views trickle in
 * re-renders one bucket's portals, not all 1,000 (one list of portals made each reveal O(feed):
 * measured about 1 s of React work over the 1,000-post bench).
 */
export const PORTAL_BUCKETS = 32;

export interface MountedOverlay {
  /** Stable for the host's life: the React portal key. */
  id: number;
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The shadow root's one element, which React renders into (FRAME). */
  frame: HTMLElement;
  postKey: string;
  /** Drawn: React renders into it. Until then the host only holds its place (see reveal-queue). */
  revealed: boolean;
}

export interface OverlayMounts {
  /** Creates the post's host, or moves/re-keys the existing one; cheap when nothing changed. */
  ensure(el: Element, post: PostRef, mountPoint: Element): void;
  unmount(el: Element): void;
  /** Lets React draw the badge into the host's shadow root. */
  reveal(el: Element): void;
  isRevealed(el: Element): boolean;
  isOwnNode(node: Node): boolean;
  /** The page's own light/dark theme (null: follow the system), as every host's color-scheme. */
  setTheme(theme: 'light' | 'dark' | null): void;
  subscribe(bucket: number, listener: () => void): () => void;
  /** The revealed hosts of one bucket, for OverlayRoot. */
  getSnapshot(bucket: number): readonly MountedOverlay[];
  destroy(): void;
}

// Site handlers must not see our clicks and keys: X opens the tweet on a click anywhere in it,
// and all three sites bind keyboard shortcuts on the document.
// (No touch listeners: a blocking touch listener makes Chrome recompute touch-action regions.)
const CONTAINED_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
];
const stop = (event: Event) => event.stopPropagation();
/** The element inside each host's shadow root that React renders into: see frame.css. */
export const FRAME = 'sb-frame';
/** The frame's class while it holds more than the badge's one line (a note). */
export const TALL = 'sb-tall';

/**
 * One host element per post, each with an open shadow root, all sharing ONE constructed
 * stylesheet. Why not WXT's createShadowRootUi per post: each call creates its own React root
 * and loads its own copy of the CSS, which over a 1,000-post feed costs far more than the
 * 0.2 ms per post budget. Here a host costs an element, a shadow root and a pointer to the
 * shared sheet; a single React root (components/OverlayRoot.tsx) portals into every shadow root.
 */
export function createOverlayMounts(
  styles: Pick<OverlayStyles, 'frame' | 'adopt'>,
  /** Called on each new frame before anything renders into it. */
  prepareShadow: (frame: Element) => void = () => {},
): OverlayMounts {
  const byElement = new Map<Element, MountedOverlay>();
  const buckets = Array.from({ length: PORTAL_BUCKETS }, () => ({
    hosts: new Map<Element, MountedOverlay>(),
    snapshot: [] as readonly MountedOverlay[],
    listeners: new Set<() => void>(),
  }));
  const dirty = new Set<number>();
  let nextId = 1;
  let scheme = '';

  const bucketOf = (m: MountedOverlay) => buckets[m.id % PORTAL_BUCKETS]!;
  const set = (el: Element, m: MountedOverlay) => {
    byElement.set(el, m);
    bucketOf(m).hosts.set(el, m);
  };
  // Many changes per frame, one re-render per bucket touched: snapshot after the batch.
  const changed = (m: MountedOverlay) => {
    if (dirty.size === 0)
      queueMicrotask(() => {
        const indexes = [...dirty];
        dirty.clear();
        for (const index of indexes) {
          const bucket = buckets[index]!;
          bucket.snapshot = [...bucket.hosts.values()].filter((h) => h.revealed);
          for (const listener of bucket.listeners) listener();
        }
      });
    dirty.add(m.id % PORTAL_BUCKETS);
  };

  const place = (host: HTMLElement, el: Element, mountPoint: Element) => {
    // Below the action bar, not inside it: the bar is a flex row sized for the site's icons.
    if (mountPoint === el) el.append(host);
    else mountPoint.after(host);
  };
  const placed = (host: HTMLElement, el: Element, mountPoint: Element) =>
    host.isConnected &&
    (mountPoint === el ? host.parentNode === el : host.parentNode === mountPoint.parentNode);

  return {
    ensure(el, post, mountPoint) {
      const mounted = byElement.get(el);
      if (!mounted) {
        const host = document.createElement(OVERLAY_TAG);
        host.dataset.postKey = post.key;
        // Its final box from the start (frame.css), the overlay's sheet only once drawn: that
        // sheet on each of 1,000 waiting posts made the 1,000-post page's style pass a long task.
        // Drawing into the frame then lays out the frame alone, never the page (frame.css).
        const shadow = host.attachShadow({ mode: 'open' });
        styles.frame(shadow);
        const frame = document.createElement('div');
        frame.className = FRAME;
        prepareShadow(frame);
        shadow.append(frame);
        place(host, el, mountPoint);
        set(el, { id: nextId++, host, shadow, frame, postKey: post.key, revealed: false });
        return;
      }
      if (!placed(mounted.host, el, mountPoint)) place(mounted.host, el, mountPoint);
      if (mounted.postKey === post.key) return;
      // A recycled row now shows another post: same host and portal, new key.
      set(el, { ...mounted, postKey: post.key });
      mounted.host.dataset.postKey = post.key;
      if (mounted.revealed) changed(mounted);
    },
    unmount(el) {
      const mounted = byElement.get(el);
      if (!mounted) return;
      byElement.delete(el);
      bucketOf(mounted).hosts.delete(el);
      mounted.host.remove();
      if (mounted.revealed) changed(mounted);
    },
    reveal(el) {
      const mounted = byElement.get(el);
      if (!mounted || mounted.revealed) return;
      const { host, shadow } = mounted;
      // The page's theme as the host's color-scheme, which the frame's colours follow (frame.css,
      // overlay.css): given at reveal, so a theme read on a 1,000-post page touches the drawn
      // hosts, not every waiting one.
      host.style.colorScheme = scheme;
      styles.adopt(shadow);
      for (const type of CONTAINED_EVENTS) host.addEventListener(type, stop);
      set(el, { ...mounted, revealed: true });
      changed(mounted);
    },
    isRevealed: (el) => byElement.get(el)?.revealed ?? false,
    setTheme(theme) {
      if ((theme ?? '') === scheme) return;
      scheme = theme ?? '';
      for (const { host, revealed } of byElement.values())
        if (revealed) host.style.colorScheme = scheme;
    },
    isOwnNode: (node) => node.nodeName.toLowerCase() === OVERLAY_TAG,
    subscribe(bucket, listener) {
      const { listeners } = buckets[bucket]!;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: (bucket) => buckets[bucket]!.snapshot,
    destroy() {
      for (const mounted of byElement.values()) {
        mounted.host.remove();
        if (mounted.revealed) changed(mounted);
      }
      byElement.clear();
      for (const bucket of buckets) bucket.hosts.clear();
    },
  };
}
