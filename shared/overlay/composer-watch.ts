import type { Composer, ComposerAdapter, SendShortcut } from '../sites/composer-adapter.ts';

export interface SentReply {
  postKey: string;
  text: string;
  /** When the member sent it (this browser's clock). */
  sentAt: number;
}

export interface ComposerEvents {
  /** A reply box was focused (or another one: the previous box ended first). */
  focus(composer: Composer): void;
  /** The text changed (read once per frame at most). */
  draft(composer: Composer): void;
  /** Focus left the box for good, or the box left the page. */
  end(): void;
  /** The site sent a reply from the box: the box emptied or closed after the member's send. */
  sent(reply: SentReply): void;
}

export interface ComposerWatchOptions {
  signal: AbortSignal;
  /** Our own elements (the guard): focus moving into them keeps the box's session. */
  isOwn(node: Node): boolean;
  /** How long a send may take to empty the box before it counts as not sent. */
  confirmWithinMs?: number;
}

/** Ctrl/Cmd+Enter (X) or Enter without Shift (Facebook), outside an IME composition. */
export function isSendKey(shortcut: SendShortcut, e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.isComposing || e.altKey) return false;
  if (shortcut === 'mod-enter') return e.ctrlKey || e.metaKey;
  if (shortcut === 'enter') return !e.shiftKey && !e.ctrlKey && !e.metaKey;
  return false;
}

const disabled = (el: Element) =>
  el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';

/**
 * The site's reply boxes as the member uses them, driven by focus: one `focusin` listener on the
 * document (no scan of the page's mutations); the box in use alone is watched for text, and send
 * gestures count only there.
 * Sending is the site's own: a send key or a click on its send control is taken as a reply once
 * the site empties or closes the box (an Enter that picked a mention, or a send the site refused,
 * leaves the text and records nothing). Capture phase on the window, so the text is read before
 * the site's own handlers clear it.
 */
export function watchComposers(
  adapter: ComposerAdapter,
  on: ComposerEvents,
  options: ComposerWatchOptions,
): { end(): void } {
  const { signal, isOwn, confirmWithinMs = 15_000 } = options;
  let current: Composer | null = null;
  let frame = 0;
  let alive: ReturnType<typeof setInterval> | undefined;
  const confirming = new Set<Element>();

  const end = () => {
    if (!current) return;
    current = null;
    clearInterval(alive);
    typed.disconnect();
    on.end();
  };
  const inCurrent = (node: Node) => !!current && current.region.contains(node);

  const focusin = (e: FocusEvent) => {
    const path = e.composedPath();
    // Focus in our own bar (its buttons live in a shadow root) keeps the box's session.
    if (path.some((n) => n instanceof Node && isOwn(n))) return;
    const target = path[0];
    if (!(target instanceof Element)) return;
    const composer = adapter.readComposer(target);
    if (composer && composer.editor === current?.editor) return;
    if (composer) {
      end();
      current = composer;
      // The box can vanish without a focus change (X closes its dialog after sending).
      alive = setInterval(() => current && !current.editor.isConnected && end(), 1_000);
      typed.observe(composer.editor, { subtree: true, childList: true, characterData: true });
      on.focus(composer);
    } else if (!inCurrent(target)) end();
  };

  // The editors (Draft.js, Quill, Lexical) often insert text themselves after cancelling the
  // browser's own insertion, so no `input` event fires: the box in use is watched instead.
  const typed = new MutationObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const fresh = current && adapter.readComposer(current.editor);
      if (fresh) on.draft((current = fresh));
    });
  });

  const attempt = (editor: Element) => {
    const read = adapter.readComposer(editor);
    if (!read?.text || confirming.has(editor)) return;
    const reply = { postKey: read.post.key, text: read.text, sentAt: Date.now() };
    confirming.add(editor);
    const started = reply.sentAt;
    const poll = setInterval(() => {
      const emptied = !editor.isConnected || adapter.readComposer(editor)?.text === '';
      const late = Date.now() - started > confirmWithinMs;
      if (!emptied && !late && !signal.aborted) return;
      clearInterval(poll);
      confirming.delete(editor);
      if (emptied && !signal.aborted) on.sent(reply);
    }, 200);
  };

  const keydown = (e: KeyboardEvent) => {
    const editor = current?.editor;
    if (editor && e.target instanceof Node && editor.contains(e.target))
      if (isSendKey(adapter.sendShortcut, e)) attempt(editor);
  };
  const click = (e: MouseEvent) => {
    if (!current || !(e.target instanceof Element)) return;
    const submit = adapter.readComposer(current.editor)?.submit;
    if (submit && submit.contains(e.target) && !disabled(submit)) attempt(current.editor);
  };

  const listen = { capture: true, signal };
  document.addEventListener('focusin', focusin, listen);
  window.addEventListener('keydown', keydown, listen);
  window.addEventListener('click', click, listen);
  signal.addEventListener('abort', () => {
    clearInterval(alive);
    cancelAnimationFrame(frame);
    typed.disconnect();
  });
  // A box focused before the content script ran (a reload with the box open).
  const active = document.activeElement;
  if (active && active !== document.body)
    focusin({ composedPath: () => [active] } as unknown as FocusEvent);
  return { end };
}
