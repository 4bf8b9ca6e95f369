import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { clipReply, MAX_DRAFT_CHECKED } from '../../shared/domain/reply-limits.ts';
import type { WatchHit } from '../../shared/messaging/protocol.ts';
import { claimsOnType, guardState } from '../../shared/overlay/composer-state.ts';
import { watchComposers } from '../../shared/overlay/composer-watch.ts';
import type { OverlayPort } from '../../shared/overlay/overlay-port.ts';
import type { OverlayStore } from '../../shared/overlay/overlay-store.ts';
import { pageTheme } from '../../shared/overlay/page-theme.ts';
import type { Composer, ComposerAdapter } from '../../shared/sites/composer-adapter.ts';
import guardCss from './composer-guard.css?inline';
import { ComposerGuard } from './ComposerGuard.tsx';
import { GUARD_TAG } from './composer-guard-loader.ts';

// As the badges' hosts: the site's handlers must not see clicks and keys meant for the bar.
const CONTAINED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup'];

export interface GuardDeps {
  store: OverlayStore;
  port: Pick<OverlayPort, 'act' | 'observe' | 'draft'>;
  signal: AbortSignal;
}

/**
 * The composer guard of one tab (DESIGN.md, "Composer guard"): one host, in a shadow root of its
 * own, placed beside whichever reply box is in use and removed when it is left. It claims a free
 * post on the first keystroke (the member's setting), asks the background which watch phrases the
 * draft holds, and records a reply the site sent. It never types into, or sends from, the site.
 */
export function startComposerGuard(composers: ComposerAdapter, deps: GuardDeps): void {
  const { store, port, signal } = deps;
  let host: HTMLElement | null = null;
  let root: Root | null = null;
  let current: Composer | null = null;
  let hits: WatchHit[] = [];
  let claimed = false;
  let checking = false;
  let unchecked: string | null = null;

  const ensureHost = () => {
    if (host) return host;
    host = document.createElement(GUARD_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = guardCss; // a <style>: Firefox's content scripts may not adopt sheets
    const container = document.createElement('div');
    shadow.append(style, container);
    for (const type of CONTAINED) host.addEventListener(type, (e) => e.stopPropagation());
    root = createRoot(container);
    return host;
  };

  const render = () => {
    if (!current || !host) return;
    const { editor, post } = current;
    root?.render(
      <ComposerGuard
        postKey={post.key}
        store={store}
        hits={hits}
        host={host}
        onCancel={() => {
          (editor as HTMLElement).blur();
          watcher.end();
        }}
        onOverride={() => {
          const me = store.getState().session.me;
          if (me) void port.act({ kind: 'override', postKey: post.key, toMemberId: me.id });
        }}
        onClaim={() => void port.act({ kind: 'claim', postKey: post.key })}
      />,
    );
  };

  /** Beside the box; put back if the site's re-render dropped it. */
  const place = (composer: Composer) => {
    const el = ensureHost();
    el.dataset.postKey = composer.post.key;
    const theme = pageTheme();
    el.className = theme ? `sb-theme-${theme}` : '';
    if (composer.mountAfter.nextSibling !== el) composer.mountAfter.after(el);
  };

  /** One check in flight; the newest text goes next (typing outpaces the port). */
  const check = (text: string) => {
    unchecked = text.slice(0, MAX_DRAFT_CHECKED);
    if (checking || !current) return;
    const postKey = current.post.key;
    const next = unchecked;
    unchecked = null;
    checking = true;
    void port.draft(postKey, next).then((found) => {
      checking = false;
      if (current?.post.key !== postKey) return;
      hits = found;
      render();
      if (unchecked !== null) check(unchecked);
    });
  };

  const watcher = watchComposers(
    composers,
    {
      focus(composer) {
        current = composer;
        hits = [];
        claimed = false;
        if (!store.getState().views.has(composer.post.key)) port.observe(composer.post);
        place(composer);
        render();
        check(composer.text);
      },
      draft(composer) {
        current = composer;
        place(composer);
        const { views, session } = store.getState();
        if (
          !claimed &&
          claimsOnType(guardState(views.get(composer.post.key), session), composer.text)
        ) {
          claimed = true;
          void port.act({ kind: 'claim', postKey: composer.post.key });
        }
        check(composer.text);
      },
      end() {
        current = null;
        hits = [];
        root?.render(null);
        host?.remove();
      },
      sent(reply) {
        void port.act({
          kind: 'reply',
          postKey: reply.postKey,
          text: clipReply(reply.text),
          sentAt: reply.sentAt,
        });
      },
    },
    {
      signal,
      isOwn: (node) => !!host && (node === host || host.shadowRoot?.contains(node) === true),
    },
  );

  signal.addEventListener('abort', () => {
    root?.unmount();
    host?.remove();
  });
}
