import type { ComposerAdapter } from '../../shared/sites/composer-adapter.ts';
import type { GuardDeps } from './composer-guard.tsx';

export const GUARD_TAG = 'switchboard-composer-guard';

/** For the posts' observer: inserting or moving the guard says nothing about the site. */
export const isGuardHost = (node: Node) => node.nodeName.toLowerCase() === GUARD_TAG;

/**
 * The composer guard is fetched the first time one of the site's reply boxes takes focus (most
 * page views never reply): until then one `focusin` listener asks the site's reader whether the
 * focused element is a reply box. The guard, once started, finds the box that has focus itself.
 */
export function startComposerGuardOnUse(
  composers: ComposerAdapter,
  deps: GuardDeps,
  onError: (error: unknown) => void,
): void {
  const { signal } = deps;
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    document.removeEventListener('focusin', focusin, true);
    import('./composer-guard.tsx')
      .then((guard) => signal.aborted || guard.startComposerGuard(composers, deps))
      .catch(onError);
  };
  const focusin = (e: FocusEvent) => {
    const target = e.composedPath()[0];
    if (target instanceof Element && composers.readComposer(target)) load();
  };
  document.addEventListener('focusin', focusin, { capture: true, signal });
  // A box focused before the content script ran (a reload with the box open).
  const active = document.activeElement;
  if (active && active !== document.body && composers.readComposer(active)) load();
}
