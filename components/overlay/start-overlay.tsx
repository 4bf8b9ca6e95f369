import { createRoot } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { paletteCss } from './department-palette.ts';
import { OverlayRoot } from './OverlayRoot.tsx';
import frameCss from './frame.css?inline';
import overlayCss from './overlay.css?inline';
import { skipReactListeners } from './react-listeners.ts';
import { connectOverlayPort } from '../../shared/overlay/overlay-port.ts';
import type { ToastLayer } from './toast-layer.tsx';
import { isGuardHost, startComposerGuardOnUse } from './composer-guard-loader.ts';
import { nextFrame } from '../../shared/overlay/next-frame.ts';
import { observePosts } from '../../shared/overlay/observe.ts';
import type { PostChange } from '../../shared/overlay/observe.ts';
import { createOverlayMounts } from '../../shared/overlay/overlay-mount.ts';
import { createOverlayStore, panelOpened } from '../../shared/overlay/overlay-store.ts';
import { createOverlayStyles } from '../../shared/overlay/overlay-styles.ts';
import { pageTheme } from '../../shared/overlay/page-theme.ts';
import { createPostRegistry } from '../../shared/overlay/post-registry.ts';
import { createRevealQueue } from '../../shared/overlay/reveal-queue.ts';
import type { KeyChange } from '../../shared/overlay/post-registry.ts';
import type { PostRef } from '../../shared/domain/schemas/post.ts';
import type { SiteAdapter } from '../../shared/sites/site-adapter.ts';

/** After this long without its view a badge is drawn anyway ("Loading…"), e.g. server trouble. */
const VIEW_WAIT_MS = 3_000;
/** How far beyond the viewport (above and below) a post's badge is drawn ahead of time. */
const NEAR_PX = 2_500;
/** Badges coming near are drawn in batches at least this far apart (reveal-queue.ts). */
const REVEAL_GAP_MS = 150;
/** Posts read in one pass up to this many are taken as near (see apply). */
const FEW_POSTS = 20;

/** One broken post (or a markup change) must not flood the console or stop the others. */
function errorLogger(site: string) {
  let logged = 0;
  return (error: unknown) => {
    if (logged++ === 0)
      console.warn(`[Switchboard] overlay error on ${site}; more are muted`, error);
  };
}

/**
 * The whole overlay for one tab: site adapter -> observer -> hosts -> one React root, fed by the
 * background over one port. Everything stops when the content script's context is invalidated.
 */
export function startOverlay(adapter: SiteAdapter, ctx: ContentScriptContext): void {
  const { signal } = ctx;
  const onError = errorLogger(adapter.platform);
  const store = createOverlayStore();
  const registry = createPostRegistry();
  // The toast layer (and sonner) is fetched with the first toast this tab shows.
  let toastLayer: Promise<ToastLayer> | undefined;
  const toasts = (show: (layer: ToastLayer) => void) => {
    toastLayer ??= import('./toast-layer.tsx').then((m) =>
      m.mountToastLayer(signal, {
        claim: (postKey) => void port.act({ kind: 'claim', postKey }),
        // The toast's "Open notes": a post on this page opens its panel (else the post opens).
        notes: (postKey) => {
          if (registry.posts().some((p) => p.key === postKey))
            store.setState(panelOpened(store.getState(), postKey), true);
        },
      }),
    );
    toastLayer.then(show).catch(onError);
  };
  const port = connectOverlayPort(store, {
    signal,
    currentPosts: registry.posts,
    onToast: (alert) => toasts((layer) => layer.show(alert)),
    onGuidelines: (department) => toasts((layer) => layer.guidelines(department)),
  });

  // One React root for every post, in a container of a document of its own: it only portals
  // into shadow roots. React's root listens for every event it knows, wheel and touch included
  // (passive); on an element of the page's document, even a detached one, Chrome counts those as
  // the page's, and sends each wheel step to the main thread to find its target: a hit test of
  // the whole page per step (13 ms on the 1,000-post page), which made scrolling it a long task
  // per step. (A page with no wheel listener of its own, as the bench's, then keeps them off it.)
  const container = document.implementation.createHTMLDocument('').createElement('div');
  const root = createRoot(container, { onCaughtError: onError, onUncaughtError: onError });
  const styles = createOverlayStyles(frameCss, overlayCss);
  const mounts = createOverlayMounts(styles, skipReactListeners(container));
  store.subscribe(({ session }, previous) => {
    if (session.departments !== previous.session.departments)
      styles.setPalette(paletteCss(session.departments));
  });
  root.render(<OverlayRoot store={store} mounts={mounts} port={port} />);

  const place = (el: Element, post: PostRef) => {
    try {
      mounts.ensure(el, post, adapter.mountPoint(el));
    } catch (error) {
      onError(error);
    }
  };
  // Badges are drawn only for posts near the viewport: a 1,000-post page draws the screenful
  // in view and the next few, not 1,000 badges nobody sees (their hosts hold their height).
  // A post once near stays drawn. Without IntersectionObserver every post counts as near.
  // Far posts (post key by element) wait here, out of the reveal queue, until they come near.
  const far = new Map<Element, string>();
  const nearby =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              const postKey = far.get(entry.target);
              if (!entry.isIntersecting || postKey === undefined) continue;
              far.delete(entry.target);
              nearby?.unobserve(entry.target);
              queue.add(entry.target, postKey);
            }
          },
          { rootMargin: `${NEAR_PX}px 0px` },
        )
      : null;
  const queue = createRevealQueue({
    signal,
    reveal: mounts.reveal,
    minGapMs: REVEAL_GAP_MS,
    isReady(postKey, waitedMs) {
      const { views, session } = store.getState();
      const final = session.connection === 'signed-out' || session.connection === 'offline';
      return final || views.has(postKey) || waitedMs > VIEW_WAIT_MS;
    },
  });
  store.subscribe(queue.wake);

  const tell = ({ observe, unobserve }: KeyChange) => {
    if (observe) port.observe(observe);
    if (unobserve) port.unobserve(unobserve);
  };
  const apply = (changes: PostChange[]) => {
    // A few new posts at a time are what a person scrolls into: drawn at once, in the same
    // task as the page's own change and so in the same frame ("Loading…" until their view
    // comes, which then changes only text inside the host's reserved box). Waiting for the view
    // drew each badge in a frame of its own, and on X's timeline every such frame re-ran the
    // page's style, layout and compositing (issue 15). Nor do they ask the IntersectionObserver,
    // whose first answer came about 470 ms late on X's timeline (rows moved by transforms every
    // frame). A large batch (a page loading many posts at once) draws only what comes near, each
    // once its view is here.
    let undrawn = 0;
    for (const { el, post } of changes) if (post && !mounts.isRevealed(el)) undrawn++;
    const fewNew = undrawn <= FEW_POSTS;
    for (const { el, post } of changes) {
      if (!post) {
        queue.remove(el);
        far.delete(el);
        nearby?.unobserve(el);
        mounts.unmount(el);
        tell(registry.delete(el));
        continue;
      }
      tell(registry.set(el, post));
      // New: insert the host now (all of a scan in one pass). Known: re-key it, or re-insert a
      // host the site removed.
      place(el, post);
      if (mounts.isRevealed(el)) continue;
      if (fewNew) {
        mounts.reveal(el);
        if (far.delete(el)) nearby?.unobserve(el); // drawn now: no longer waiting to come near
      } else if (!nearby) queue.add(el, post.key);
      else {
        if (!far.has(el)) nearby.observe(el);
        far.set(el, post.key); // a post re-keyed while far keeps waiting under its new key
      }
    }
  };

  const observer = observePosts(document, adapter, apply, {
    signal,
    isOwnNode: (node) => mounts.isOwnNode(node) || isGuardHost(node),
    onError,
  });
  // The reply boxes: driven by focus, nothing to do until one is used (issue 13).
  if (adapter.composers)
    startComposerGuardOnUse(adapter.composers, { store, port, signal }, onError);
  // Content scripts cannot see the page's history.pushState; WXT polls the URL for us. A theme
  // switch in the site's settings is rare and usually comes with navigation; checked then.
  const followTheme = () => mounts.setTheme(pageTheme());
  // Read after the page's first rendering: reading a computed style before it forces the whole
  // page's style at once (measured on the 1,000-post bench page: about 0.6 s in our task).
  nextFrame(() => ctx.setTimeout(followTheme, 0));
  ctx.setTimeout(followTheme, 2_000); // some pages colour their body only after loading
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    observer.rescan();
    followTheme();
  });
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  ctx.addEventListener(systemDark, 'change', followTheme);
  signal.addEventListener(
    'abort',
    () => {
      nearby?.disconnect();
      root.unmount();
      mounts.destroy();
    },
    { once: true },
  );
}
