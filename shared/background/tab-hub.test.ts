import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { Thread } from '../domain/schemas/thread.ts';
import type { BackgroundToContent } from '../messaging/protocol.ts';
import { TabHub } from './tab-hub.ts';

const noEvents = {
  observe() {},
  action() {},
  story() {},
  draft() {},
  connect() {},
  interestChanged() {},
};

/** A tab's port as the background sees it. */
function tab() {
  const listeners: ((m: unknown) => void)[] = [];
  const received: BackgroundToContent[] = [];
  const port = {
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
    onDisconnect: { addListener() {} },
    postMessage: (m: BackgroundToContent) => received.push(m),
  } as unknown as Browser.runtime.Port;
  const send = (m: unknown) => listeners.forEach((l) => l(m));
  return { port, received, send };
}

const ref = (id: string) => ({
  key: `x:${id}`,
  platform: 'x' as const,
  nativeId: id,
  url: `https://x.com/a/status/${id}`,
  author: { handle: 'a', name: 'A' },
  text: 'hello',
});
const thread = (id: string, version = 1) => ({ postKey: `x:${id}`, version }) as Thread;
const claim = (id: string, holderName: string) => ({
  postKey: `x:${id}`,
  holderId: holderName,
  holderName,
  token: 1,
  expiresAt: 1,
});

describe('tab hub: an event shown as it arrives', () => {
  function setup() {
    const hub = new TabHub(noEvents);
    const a = tab();
    const b = tab();
    hub.attach(a.port);
    hub.attach(b.port);
    a.send({ type: 'observe', posts: [ref('1')] });
    return { hub, a, b };
  }

  it('goes to the tabs showing the post, at once', () => {
    const { hub, a, b } = setup();
    expect(hub.pushEvent(10, { thread: thread('1'), claim: claim('1', 'Ana') })).toBe(true);
    expect(a.received).toEqual([
      { type: 'views', views: [{ thread: thread('1'), claim: claim('1', 'Ana') }] },
    ]);
    expect(b.received).toEqual([]);
    expect(hub.pushEvent(11, { thread: thread('2'), claim: null })).toBe(false); // nobody shows it
    expect(hub.lastEventPushed('x:1')).toBe(10);
  });

  it('never over a queued action, a newer version or a later event', () => {
    const { hub, a } = setup();
    hub.pushViews([{ thread: thread('1'), claim: claim('1', 'Me'), pending: true }]);
    expect(hub.pushEvent(10, { thread: thread('1'), claim: claim('1', 'Ana') })).toBe(false);
    hub.pushViews([{ thread: thread('1', 3), claim: null }]);
    expect(hub.pushEvent(11, { thread: thread('1', 2), claim: null })).toBe(false);
    expect(hub.pushEvent(12, { thread: thread('1', 3), claim: claim('1', 'Ana') })).toBe(true);
    expect(hub.pushEvent(12, { thread: thread('1', 3), claim: null })).toBe(false); // replayed
    expect(a.received).toHaveLength(3);
  });

  it('forgets a post no tab shows any more', () => {
    const { hub, a } = setup();
    hub.pushEvent(10, { thread: thread('1'), claim: null });
    a.send({ type: 'unobserve', postKeys: ['x:1'] });
    expect(hub.lastEventPushed('x:1')).toBe(-1);
  });
});
