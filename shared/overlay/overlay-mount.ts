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
  /** Attached when the badge is first drawn (reveal): a waiting host is a bare element. */
  shadow: ShadowRoot | null;
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
  /** The page's own light/dark theme (null: follow the system), as a class on every host. */
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
/** A waiting host's box: overlay.css's :host display, min-height and margin. Keep them equal. */
const RESERVED = 'display: block; min-height: 30px; margin: 4px 0';

/**
 * One host element per post, each with an open shadow root, all sharing ONE constructed
 * stylesheet. Why not WXT's createShadowRootUi per post: each call creates its own React root
 * and loads its own copy of the CSS, which over a 1,000-post feed costs far more than the
 * 0.2 ms per post budget. Here a host costs an element, a shadow root and a pointer to the
 * shared sheet; a single React root (components/OverlayRoot.tsx) portals into every shadow root.
 */
export function createOverlayMounts(
  styles: Pick<OverlayStyles, 'adopt'>,
  /** Called on each new shadow root before anything renders into it. */
  prepareShadow: (shadow: ShadowRoot) => void = () => {},
): OverlayMounts {
  const byElement = new Map<Element, MountedOverlay>();
  const buckets = Array.from({ length: PORTAL_BUCKETS }, () => ({
    hosts: new Map<Element, MountedOverlay>(),
    snapshot: [] as readonly MountedOverlay[],
    listeners: new Set<() => void>(),
  }));
  const dirty = new Set<number>();
  let nextId = 1;
  let themeClass = '';

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
        // Until drawn, a bare element holding the badge's place (overlay.css :host gives the
        // same box once the shadow root is attached): a shadow root with the overlay's sheet on
        // each of 1,000 posts made the 1,000-post page's style pass a long task of its own.
        host.style.cssText = RESERVED;
        place(host, el, mountPoint);
        set(el, { id: nextId++, host, shadow: null, postKey: post.key, revealed: false });
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
      const { host } = mounted;
      // The theme class only matters to the shadow root's :host rules: given at reveal, so a
      // theme read on a 1,000-post page touches the drawn hosts, not every waiting one.
      if (themeClass) host.className = themeClass;
      const shadow = host.attachShadow({ mode: 'open' });
      prepareShadow(shadow);
      styles.adopt(shadow);
      for (const type of CONTAINED_EVENTS) host.addEventListener(type, stop);
      host.removeAttribute('style');
      set(el, { ...mounted, shadow, revealed: true });
      changed(mounted);
    },
    isRevealed: (el) => byElement.get(el)?.revealed ?? false,
    setTheme(theme) {
      const next = theme ? `sb-theme-${theme}` : '';
      if (next === themeClass) return;
      themeClass = next;
      for (const { host, revealed } of byElement.values()) if (revealed) host.className = next;
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
