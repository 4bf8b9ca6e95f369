import { browser } from 'wxt/browser';
import { endOfTask, nextTask } from './next-frame.ts';
import {
  actionStarted,
  applyBackgroundMessage,
  applyBackgroundMessages,
  connectionLost,
  noteCleared,
  viewsForgotten,
} from './overlay-store.ts';
import type { OverlayState, OverlayStore } from './overlay-store.ts';
import type { PostRef } from '../domain/schemas/post.ts';
import type { Alert, WatchHit } from '../messaging/protocol.ts';
import type { Department } from '../domain/schemas/org.ts';
import { OVERLAY_PORT } from '../messaging/protocol.ts';
import type {
  BackgroundToContent,
  ContentToBackground,
  OverlayAction,
} from '../messaging/protocol.ts';

/** The slice of runtime.Port used here, so tests can pass a fake. */
export interface PortLike {
  postMessage(message: ContentToBackground): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: BackgroundToContent) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ActionOutcome {
  ok: boolean;
  error?: string;
  /** Accepted offline: kept by the background until the server is back. */
  queued?: boolean;
}

/** The thread panel's data, or why there is none (offline, refused). */
export type StoryOutcome = Omit<Extract<BackgroundToContent, { type: 'story' }>, 'type'>;

export interface OverlayPort {
  observe(post: PostRef): void;
  unobserve(postKey: string): void;
  act(action: OverlayAction): Promise<ActionOutcome>;
  /** Asks for a post's notes, consults and timeline (the thread panel, when it opens). */
  story(postKey: string): Promise<StoryOutcome>;
  /** The watch phrases a reply being typed contains (none while the background is away). */
  draft(postKey: string, text: string): Promise<WatchHit[]>;
}

export interface OverlayPortOptions {
  signal: AbortSignal;
  /** Posts on the page now: re-sent after every (re)connect, the worker may have restarted. */
  currentPosts: () => PostRef[];
  connect?: () => PortLike;
  /** An alert the background chose this tab to show. */
  onToast?: (alert: Alert) => void;
  /** Guidelines of the department whose post the member just claimed. */
  onGuidelines?: (department: Department) => void;
}

interface Request {
  postKey: string;
  message: Extract<ContentToBackground, { type: 'action' }>;
  /** false while the port is down: it goes out as soon as the port is back. */
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
  resolve(outcome: ActionOutcome): void;
}

/** How long the first views of loading badges wait for the rest of their burst (onMessage). */
export const FIRST_VIEWS_WAIT_MS = 2;

/** A burst's views (newly seen posts) only of posts this tab has no view of yet ("Loading…"). */
function isFirstOfBurst(state: OverlayState, message: BackgroundToContent): boolean {
  return (
    message.type === 'views' &&
    message.burst === true &&
    message.views.every((v) => !state.views.has(v.thread.postKey))
  );
}

// posts.observe accepts at most 200 refs per call (zObserveInput), unobserve 500 keys.
const OBSERVE_CHUNK = 200;
const UNOBSERVE_CHUNK = 500;
const ACTION_TIMEOUT_MS = 20_000;
const NOTE_SHOWN_MS = 8_000;
const RETRY_MS = [50, 500, 1_000, 2_000, 5_000, 10_000, 30_000];
const LOST = 'Lost the connection to Switchboard; check the post and try again';
const NO_ANSWER = 'Switchboard did not answer; try again';

const defaultConnect = () => browser.runtime.connect({ name: OVERLAY_PORT }) as unknown as PortLike;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The tab's one port to the background. The background answers each connect with a `session` at
 * once (and again on every change), `views` for the posts this port observes, and exactly one
 * `actionResult` per `action`.
 */
export function connectOverlayPort(store: OverlayStore, options: OverlayPortOptions): OverlayPort {
  const { signal, currentPosts, connect = defaultConnect } = options;
  const toObserve = new Map<string, PostRef>();
  const toUnobserve = new Set<string>();
  const requests = new Map<string, Request>();
  // Story and draft requests waiting for their reply (null: none came, for the reason given).
  const replies = new Map<string, (reply: BackgroundToContent | null, error?: string) => void>();
  let port: PortLike | null = null;
  let failures = 0;
  let cancelFlush: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let nextRequest = 0;
  // Messages from the background waiting for the next frame (applyBackgroundMessages).
  const inbox: BackgroundToContent[] = [];
  let cancelDrain: (() => void) | null = null;

  const update = (fn: (s: OverlayState) => OverlayState) =>
    store.setState(fn(store.getState()), true);
  const send = (message: ContentToBackground): boolean => {
    if (!port) return false;
    try {
      port.postMessage(message);
      return true;
    } catch {
      return false; // a disconnected port throws; onDisconnect reconnects
    }
  };
  const fadeNote = (postKey: string) => {
    const text = store.getState().notes[postKey]?.text;
    if (text !== undefined)
      setTimeout(() => update((s) => noteCleared(s, postKey, text)), NOTE_SHOWN_MS);
  };

  const flush = () => {
    cancelFlush = null;
    const keys = [...toUnobserve];
    const posts = [...toObserve.values()];
    toUnobserve.clear();
    toObserve.clear();
    if (keys.length > 0) update((s) => viewsForgotten(s, keys));
    for (const postKeys of chunks(keys, UNOBSERVE_CHUNK)) send({ type: 'unobserve', postKeys });
    for (const batch of chunks(posts, OBSERVE_CHUNK)) send({ type: 'observe', posts: batch });
  };
  const scheduleFlush = () => {
    // All the posts read in one pass go in one message, sent before the frame (no frame waited).
    if (!cancelFlush && port) cancelFlush = endOfTask(flush);
  };

  /** Resolves the caller's promise; the store already holds the result. */
  const settle = (requestId: string, outcome: ActionOutcome) => {
    const request = requests.get(requestId);
    if (!request) return;
    requests.delete(requestId);
    clearTimeout(request.timer);
    if (!outcome.ok) fadeNote(request.postKey);
    request.resolve(outcome);
  };
  /** A result made here (port lost, no answer): into the store, then to the caller. */
  const fail = (requestId: string, error: string) => {
    if (!requests.has(requestId)) return;
    update((s) => applyBackgroundMessage(s, { type: 'actionResult', requestId, ok: false, error }));
    settle(requestId, { ok: false, error });
  };

  const drain = () => {
    cancelDrain?.();
    cancelDrain = null;
    const messages = inbox.splice(0);
    if (messages.length === 0) return;
    update((s) => applyBackgroundMessages(s, messages));
    for (const message of messages) {
      if (message.type === 'actionResult')
        settle(message.requestId, {
          ok: message.ok,
          error: message.error,
          queued: message.queued,
        });
      if (message.type === 'notice' && message.postKey) fadeNote(message.postKey);
      if (message.type === 'toast') options.onToast?.(message.alert);
      if (message.type === 'guidelines') options.onGuidelines?.(message.department);
      if (message.type === 'story' || message.type === 'watchHits')
        replies.get(message.requestId)?.(message);
    }
  };
  // A message that finds the tab idle is applied at once, and the browser draws it on its next
  // frame (a lock claimed in another browser waited up to a frame here, issue 11); messages that
  // follow it within the same turn are applied together in a task of their own, so a burst
  // still costs one update (not a frame: one asked for here was a frame of its own, issue 15).
  // Except the first views of badges still "Loading…" in a burst: the server's events for posts
  // it has just registered come one message per post, then the lookup's answer, over a
  // millisecond or two, and applied at once the first was drawn in a frame of its own before the
  // rest (traced on the LinkedIn replay, issue 15). They wait that long for the rest; any other
  // message ends the wait. (Cached views come in one message and are not held.)
  let waitingForBurst = false;
  const onMessage = (message: BackgroundToContent) => {
    failures = 0;
    inbox.push(message);
    if (isFirstOfBurst(store.getState(), message)) {
      cancelDrain ??= waitForBurst();
      return;
    }
    // Applied with the message before it, unless that one is only waiting for its burst.
    if (cancelDrain && !waitingForBurst) return;
    drain();
    cancelDrain = nextTask(drain);
  };
  const waitForBurst = () => {
    waitingForBurst = true;
    const timer = setTimeout(drain, FIRST_VIEWS_WAIT_MS);
    return () => {
      clearTimeout(timer);
      waitingForBurst = false;
    };
  };

  const newId = (prefix: string) =>
    `${prefix}${Date.now().toString(36)}-${(nextRequest++).toString(36)}`;
  /** Sends a request that has a reply of its own, read by `read` (null reply: none came). */
  const ask = <T>(
    message: Extract<ContentToBackground, { requestId: string }>,
    read: (reply: BackgroundToContent | null, requestId: string, error: string) => T,
  ) =>
    new Promise<T>((resolve) => {
      const { requestId } = message;
      const timer = setTimeout(() => answer(null, NO_ANSWER), ACTION_TIMEOUT_MS);
      const answer = (reply: BackgroundToContent | null, error = '') => {
        clearTimeout(timer);
        replies.delete(requestId);
        resolve(read(reply, requestId, error));
      };
      replies.set(requestId, answer);
      if (!send(message)) answer(null, LOST);
    });

  const onDisconnect = () => {
    void browser?.runtime?.lastError; // read it, or Chrome logs "Unchecked runtime.lastError"
    drain();
    port = null;
    cancelFlush?.();
    cancelFlush = null;
    for (const [requestId, request] of requests) if (request.sent) fail(requestId, LOST);
    for (const answer of [...replies.values()]) answer(null, LOST);
    failures += 1;
    update((s) => connectionLost(s, failures > 2));
    if (!signal.aborted) retryTimer = setTimeout(open, RETRY_MS[failures - 1] ?? 30_000);
  };

  function open() {
    if (signal.aborted) return;
    try {
      port = connect();
    } catch {
      return; // extension context invalidated (update or reload): this script is finished
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(onDisconnect);
    toUnobserve.clear();
    for (const post of currentPosts()) toObserve.set(post.key, post);
    for (const request of requests.values()) request.sent ||= send(request.message);
    scheduleFlush();
  }

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(retryTimer);
      cancelFlush?.();
      cancelDrain?.();
      port?.disconnect();
      port = null;
    },
    { once: true },
  );
  open();

  return {
    observe(post) {
      toUnobserve.delete(post.key);
      toObserve.set(post.key, post);
      scheduleFlush();
    },
    unobserve(postKey) {
      toObserve.delete(postKey);
      toUnobserve.add(postKey);
      scheduleFlush();
    },
    act(action) {
      const requestId = newId('');
      const message = { type: 'action' as const, requestId, action };
      update((s) => actionStarted(s, action.postKey, { requestId, kind: action.kind }));
      return new Promise((resolve) => {
        const timer = setTimeout(() => fail(requestId, NO_ANSWER), ACTION_TIMEOUT_MS);
        requests.set(requestId, { postKey: action.postKey, message, sent: false, timer, resolve });
        const request = requests.get(requestId);
        if (request) request.sent = send(message);
      });
    },
    story: (postKey) =>
      ask({ type: 'story', requestId: newId('s'), postKey }, (reply, requestId, error) =>
        reply?.type === 'story' ? reply : { requestId, error },
      ),
    draft: (postKey, text) =>
      ask({ type: 'draft', requestId: newId('d'), postKey, text }, (reply) =>
        reply?.type === 'watchHits' ? reply.hits : [],
      ),
  };
}
