import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlayStore } from './overlay-store.ts';
import type { PostRef } from '../domain/schemas/post.ts';
import { connectOverlayPort, FIRST_VIEWS_WAIT_MS } from './overlay-port.ts';
import type { PortLike } from './overlay-port.ts';
import type { BackgroundToContent, ContentToBackground } from '../messaging/protocol.ts';
import { postRef } from '../../tests/fixtures/post-ref.ts';
import { claimBy, threadView } from '../../tests/fixtures/thread-view.ts';

class FakePort implements PortLike {
  sent: ContentToBackground[] = [];
  private messageListeners: ((m: BackgroundToContent) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = {
    addListener: (l: (m: BackgroundToContent) => void) => this.messageListeners.push(l),
  };
  onDisconnect = { addListener: (l: () => void) => this.disconnectListeners.push(l) };
  postMessage(message: ContentToBackground) {
    this.sent.push(message);
  }
  disconnect() {}
  receive(message: BackgroundToContent) {
    for (const l of this.messageListeners) l(message);
  }
  drop() {
    for (const l of this.disconnectListeners) l();
  }
}

const post = (id: string) => postRef(id, 'hello');

describe('overlay port', () => {
  let ports: FakePort[];
  let abort: AbortController;
  const setup = (currentPosts: () => PostRef[] = () => []) => {
    const store = createOverlayStore();
    const connect = () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    };
    return {
      store,
      port: connectOverlayPort(store, { signal: abort.signal, currentPosts, connect }),
    };
  };
  beforeEach(() => {
    vi.useFakeTimers();
    ports = [];
    abort = new AbortController();
  });
  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
  });

  it('batches observe and unobserve into one message each per frame', async () => {
    const { port } = setup();
    port.observe(post('1'));
    port.observe(post('2'));
    port.observe(post('1'));
    port.unobserve('x:3');
    port.observe(post('3'));
    port.unobserve('x:2');
    expect(ports[0]?.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(ports[0]?.sent).toEqual([
      { type: 'unobserve', postKeys: ['x:2'] },
      { type: 'observe', posts: [post('1'), post('3')] },
    ]);
  });

  /** A post's view; with a holder's name, claimed by them. */
  const view = (id: string, holderName?: string) => ({
    ...threadView(`x:${id}`),
    claim: holderName ? claimBy(`x:${id}`, holderName) : null,
  });

  it('applies a change that finds the tab idle at once, and batches those that follow', () => {
    const { store } = setup();
    ports[0]?.receive({ type: 'views', views: ['1', '2', '3'].map((id) => view(id)) });
    vi.advanceTimersByTime(300);
    const updates = vi.fn();
    store.subscribe(updates);
    const holders = () => ['x:1', 'x:2', 'x:3'].map((k) => store.getState().views.get(k)?.claim);
    ports[0]?.receive({ type: 'views', views: [view('1', 'Ana')] });
    expect(holders().map((c) => c?.holderName)).toEqual(['Ana', undefined, undefined]);
    ports[0]?.receive({ type: 'views', views: [view('2', 'Ben')] });
    ports[0]?.receive({ type: 'views', views: [view('3', 'Cy')] });
    expect(holders().map((c) => c?.holderName)).toEqual(['Ana', undefined, undefined]);
    vi.advanceTimersByTime(300);
    expect(holders().map((c) => c?.holderName)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(updates).toHaveBeenCalledTimes(2);
  });

  it('lets the first views of loading badges wait for the rest of their burst, not a change', () => {
    const { store } = setup();
    const keys = () => [...store.getState().views.keys()].sort();
    const updates = vi.fn();
    store.subscribe(updates);
    // Newly seen posts' views, a message per event: drawn together, once.
    ports[0]?.receive({ type: 'views', views: [view('1')], burst: true });
    ports[0]?.receive({ type: 'views', views: [view('2')], burst: true });
    expect(keys()).toEqual([]);
    vi.advanceTimersByTime(FIRST_VIEWS_WAIT_MS);
    expect(keys()).toEqual(['x:1', 'x:2']);
    expect(updates).toHaveBeenCalledTimes(1);
    // Cached views of new posts come in one message: drawn at once.
    ports[0]?.receive({ type: 'views', views: [view('4'), view('5')] });
    expect(keys()).toEqual(['x:1', 'x:2', 'x:4', 'x:5']);
    vi.advanceTimersByTime(300);
    // A change to a drawn badge (a lock) is applied at once…
    ports[0]?.receive({ type: 'views', views: [view('1', 'Ana')] });
    expect(store.getState().views.get('x:1')?.claim).toMatchObject({ holderName: 'Ana' });
    vi.advanceTimersByTime(300);
    // …and ends a wait that had begun, taking the waiting views with it, in order.
    ports[0]?.receive({ type: 'views', views: [view('3')], burst: true });
    ports[0]?.receive({ type: 'views', views: [view('2', 'Ben')] });
    expect(keys()).toEqual(['x:1', 'x:2', 'x:3', 'x:4', 'x:5']);
    expect(store.getState().views.get('x:2')?.claim).toMatchObject({ holderName: 'Ben' });
  });

  it('resolves an action on its result and shows the refusal on the post', async () => {
    const { store, port } = setup();
    const result = port.act({ kind: 'claim', postKey: 'x:1' });
    const sent = ports[0]?.sent[0];
    expect(sent?.type).toBe('action');
    expect(store.getState().pending['x:1']?.kind).toBe('claim');
    if (sent?.type !== 'action') throw new Error('no action sent');
    ports[0]?.receive({
      type: 'actionResult',
      requestId: sent.requestId,
      ok: false,
      error: 'held',
    });
    await vi.advanceTimersByTimeAsync(300); // messages are applied once per frame
    await expect(result).resolves.toEqual({ ok: false, error: 'held' });
    expect(store.getState().notes['x:1']?.text).toBe('held');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.getState().notes['x:1']).toBeUndefined();
  });

  it('reconnects after the worker restarts and observes the mounted posts again', async () => {
    const { store, port } = setup(() => [post('7')]);
    ports[0]?.receive({
      type: 'session',
      session: { connection: 'online', me: null, departments: [], members: [] },
    });
    await vi.advanceTimersByTimeAsync(300);
    const inFlight = port.act({ kind: 'release', postKey: 'x:7' });
    ports[0]?.drop();
    await expect(inFlight).resolves.toMatchObject({ ok: false });
    expect(store.getState().session.connection).toBe('online');
    await vi.advanceTimersByTimeAsync(400);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.sent).toEqual([{ type: 'observe', posts: [post('7')] }]);
  });

  it('shows "signed out" when no background answers, and keeps retrying with backoff', async () => {
    const { store } = setup();
    ports[0]?.drop();
    expect(store.getState().session.connection).toBe('signed-out');
    await vi.advanceTimersByTimeAsync(60);
    ports[1]?.drop();
    await vi.advanceTimersByTimeAsync(400);
    expect(ports).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(ports).toHaveLength(3);
  });
});
