import type { Browser } from 'wxt/browser';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import type { PostRef } from '../../shared/domain/schemas/post.ts';
import type { BackgroundToContent, ContentToBackground } from '../../shared/messaging/protocol.ts';
import type { OverlayAction } from '../../shared/messaging/protocol.ts';
import { startBackground } from '../../shared/background/start-background.ts';
import type { Background } from '../../shared/background/start-background.ts';
import { startTestServer } from '../server/harness.ts';
import type { TestOrg, TestServer } from '../server/harness.ts';

let dbCounter = 0;
/** A fresh IndexedDB name per background, so tests never see each other's cache. */
export const freshDbName = () => `switchboard-test-${process.pid}-${++dbCounter}`;

/**
 * A tab's end of the overlay port, as `browser.runtime.connect` gives the background: what the
 * background sends is kept in `received`; `show`, `hide` and `act` are what the content script
 * would send.
 */
export class TestTab {
  readonly received: BackgroundToContent[] = [];
  private readonly listeners: ((msg: unknown) => void)[] = [];
  private readonly gone: (() => void)[] = [];
  private requests = 0;
  readonly port: Browser.runtime.Port;

  /** `url`: the tab's address, which tells the background the site (e.g. its recent views). */
  constructor(tabId: number, url?: string) {
    this.port = {
      name: 'switchboard-overlay',
      sender: { tab: { id: tabId }, ...(url && { url }) },
      postMessage: (msg: BackgroundToContent) => this.received.push(msg),
      onMessage: { addListener: (l: (msg: unknown) => void) => this.listeners.push(l) },
      onDisconnect: { addListener: (l: () => void) => this.gone.push(l) },
      disconnect: () => undefined,
    } as unknown as Browser.runtime.Port;
  }

  send(msg: ContentToBackground) {
    for (const l of this.listeners) l(msg);
  }

  show(...posts: PostRef[]) {
    this.send({ type: 'observe', posts });
  }

  hide(...postKeys: string[]) {
    this.send({ type: 'unobserve', postKeys });
  }

  /** Sends an action; resolves with the background's answer to it. */
  async act(action: OverlayAction) {
    const requestId = `r${++this.requests}`;
    this.send({ type: 'action', requestId, action });
    return vi.waitUntil(
      () =>
        this.received.find(
          (m): m is Extract<BackgroundToContent, { type: 'actionResult' }> =>
            m.type === 'actionResult' && m.requestId === requestId,
        ),
      { timeout: 10_000 },
    );
  }

  close() {
    for (const l of this.gone) l();
  }

  /** The last view the tab was sent for this post. */
  lastView(postKey: string) {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const m = this.received[i]!;
      if (m.type !== 'views') continue;
      const v = m.views.find((x) => x.thread.postKey === postKey);
      if (v) return v;
    }
    return undefined;
  }
}

/** The real background (cache, outbox, leases, stream) signed in to a real test server. */
export async function signedInBackground(
  server: TestServer,
  token: string,
  opts: { dbName?: string; now?: () => number } = {},
): Promise<Background & { settings: { serverUrl: string; token: string } }> {
  const background = startBackground({ dbName: opts.dbName ?? freshDbName(), now: opts.now });
  const settings = { serverUrl: `http://127.0.0.1:${server.port}`, token };
  await background.connection.start(settings);
  await waitOnline(background);
  return { ...background, settings };
}

export async function waitOnline(background: Background) {
  await vi.waitUntil(() => background.ctx.session.get().connection === 'online', {
    timeout: 10_000,
  });
  // Coming online subscribes, looks up visible posts and replays the outbox; let it finish.
  await background.outbox.drain();
}

export function openTab(background: Background, tabId = 1, url?: string) {
  const tab = new TestTab(tabId, url);
  background.ctx.tabs.attach(tab.port);
  return tab;
}

/** Shows a post in a tab and waits until the server's view of it is cached. */
export async function showPost(background: Background, tab: TestTab, post: PostRef) {
  tab.show(post);
  await vi.waitUntil(() => tab.lastView(post.key), { timeout: 10_000 });
  expect(await background.ctx.db.views.get(post.key)).toBeDefined();
}

/**
 * A real server with one organisation for a describe block; backgrounds started through it are
 * stopped (and spies restored) after each test.
 */
export function realServerSuite(orgName: string) {
  const running: Background[] = [];
  const suite = {
    server: undefined as unknown as TestServer,
    org: undefined as unknown as TestOrg,
    /** A background signed in with this token, stopped after the test. */
    async background(token: string, opts: { dbName?: string; now?: () => number } = {}) {
      const background = await signedInBackground(suite.server, token, opts);
      running.push(background);
      return background;
    },
  };
  beforeAll(async () => {
    suite.server = await startTestServer();
    suite.org = await suite.server.org(orgName);
  });
  afterEach(() => {
    for (const b of running.splice(0)) b.connection.stop();
    vi.restoreAllMocks();
  });
  afterAll(() => suite.server.close());
  return suite;
}
