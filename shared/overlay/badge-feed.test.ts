import { describe, expect, it, vi } from 'vitest';
import { createBadgeFeed } from './badge-feed.ts';
import { applyBackgroundMessage, createOverlayStore } from './overlay-store.ts';
import type { OverlayView } from '../messaging/protocol.ts';

const view = (postKey: string, version: number) =>
  ({ thread: { postKey, version }, claim: null }) as unknown as OverlayView;

describe('badge feed', () => {
  it('wakes only the badges of posts that changed, and all of them on a session change', () => {
    const store = createOverlayStore();
    const feed = createBadgeFeed(store);
    const [one, two, session] = [vi.fn(), vi.fn(), vi.fn()];
    const stop = feed.subscribePost('x:1', one);
    feed.subscribePost('x:2', two);
    feed.subscribeSession(session);
    const send = (views: OverlayView[]) =>
      store.setState(applyBackgroundMessage(store.getState(), { type: 'views', views }), true);
    send([view('x:1', 1)]);
    expect([one.mock.calls.length, two.mock.calls.length]).toEqual([1, 0]);
    send([view('x:2', 1)]);
    expect([one.mock.calls.length, two.mock.calls.length]).toEqual([1, 1]);
    store.setState({ session: { ...store.getState().session, connection: 'online' } });
    expect(session).toHaveBeenCalledTimes(1);
    stop();
    send([view('x:1', 2)]);
    expect(one).toHaveBeenCalledTimes(1);
  });
});
