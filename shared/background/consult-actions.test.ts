import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { post, startTestServer } from '../../tests/server/harness.ts';
import type { TestOrg, TestServer } from '../../tests/server/harness.ts';
import {
  openTab,
  showPost,
  signedInBackground,
  waitOnline,
} from '../../tests/background/test-background.ts';
import type { TestTab } from '../../tests/background/test-background.ts';
import type { BackgroundToContent } from '../messaging/protocol.ts';
import type { Background } from './start-background.ts';

describe('notes and consults through the outbox (real server)', () => {
  let server: TestServer;
  let org: TestOrg;
  const running: Background[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    org = await server.org('Consult Co', ['Support', 'Legal']);
  });
  afterEach(() => {
    for (const b of running.splice(0)) b.connection.stop();
  });
  afterAll(() => server.close());

  const member = async (name: string, department: string) => {
    const m = await org.member(name, 'member', [department]);
    const background = await signedInBackground(server, m.token);
    running.push(background);
    return { ...m, background };
  };
  const supportPost = async (text: string) => {
    const p = post(text);
    await org.admin.posts.observe.mutate({ posts: [p] });
    await org.admin.threads.assign.mutate({
      postKey: p.key,
      departmentId: org.departments.Support!.id,
    });
    return p;
  };
  async function story(tab: TestTab, postKey: string) {
    const requestId = `story-${Math.random()}`;
    tab.send({ type: 'story', requestId, postKey });
    return vi.waitUntil(
      () =>
        tab.received.find(
          (m): m is Extract<BackgroundToContent, { type: 'story' }> =>
            m.type === 'story' && m.requestId === requestId,
        ),
      { timeout: 10_000 },
    );
  }

  it('keeps a note written offline, shows it waiting on Legal at once, and adds it once', async () => {
    const ana = await member('Ana', 'Support');
    const tab = openTab(ana.background);
    const p = await supportPost('Can I get a refund without the receipt?');
    await showPost(ana.background, tab, p);

    ana.background.connection.stop();
    const text = '#Legal may we refund without a receipt?';
    expect(await tab.act({ kind: 'addNote', postKey: p.key, text })).toMatchObject({
      ok: true,
      queued: true,
    });
    expect(tab.lastView(p.key)).toMatchObject({
      pending: true,
      thread: { noteCount: 1, waitingOn: [{ departmentId: org.departments.Legal!.id }] },
    });
    const offline = await story(tab, p.key);
    expect(offline.error).toMatch(/offline/);

    await ana.background.connection.start(ana.background.settings);
    await waitOnline(ana.background);
    const [onServer] = await org.admin.posts.get.query({ postKeys: [p.key] });
    expect(onServer!.thread).toMatchObject({ noteCount: 1 });
    const consultId = onServer!.thread.waitingOn[0]!.consultId;
    expect(consultId).not.toMatch(/^pending/);
    await vi.waitUntil(async () => {
      const cached = await ana.background.ctx.db.views.get(p.key);
      return !cached?.pending && cached?.thread.waitingOn[0]?.consultId === consultId;
    });
    // Replayed from the outbox once: one note, one consult.
    const log = await org.admin.events.list.query({ afterId: 0, limit: 1000 });
    const mine = log.filter((e) => e.postKey === p.key);
    expect(mine.filter((e) => e.type === 'note.added')).toHaveLength(1);
    expect(mine.filter((e) => e.type === 'consult.opened')).toHaveLength(1);

    const online = await story(tab, p.key);
    expect(online.story?.notes.map((n) => n.text)).toEqual([text]);
  });

  it('sends a Legal member’s reply and the owner’s withdrawal, each applied once', async () => {
    const bea = await member('Bea', 'Support');
    const gil = await member('Gil', 'Legal');
    const p = await supportPost('Is this a data protection request?');
    const beaTab = openTab(bea.background, 1);
    const gilTab = openTab(gil.background, 2);
    await showPost(bea.background, beaTab, p);
    await showPost(gil.background, gilTab, p);

    const asked = await beaTab.act({
      kind: 'consult',
      postKey: p.key,
      departmentId: org.departments.Legal!.id,
      text: 'GDPR?',
    });
    expect(asked).toMatchObject({ ok: true });
    await vi.waitUntil(() => gilTab.lastView(p.key)?.thread.waitingOn.length === 1);
    const consultId = gilTab.lastView(p.key)!.thread.waitingOn[0]!.consultId;
    expect(await gilTab.act({ kind: 'withdrawConsult', postKey: p.key, consultId })).toMatchObject({
      ok: false,
      error: expect.stringContaining('only the post’s owner'),
    });
    expect(
      await gilTab.act({ kind: 'answerConsult', postKey: p.key, consultId, text: 'Yes: art. 15' }),
    ).toMatchObject({ ok: true });
    await vi.waitUntil(() => beaTab.lastView(p.key)?.thread.waitingOn.length === 0);
    expect(beaTab.lastView(p.key)?.thread.noteCount).toBe(2);

    const again = await beaTab.act({
      kind: 'consult',
      postKey: p.key,
      departmentId: org.departments.Legal!.id,
      text: 'And the deadline?',
    });
    expect(again.ok).toBe(true);
    await vi.waitUntil(() => beaTab.lastView(p.key)?.thread.waitingOn.length === 1);
    const second = beaTab.lastView(p.key)!.thread.waitingOn[0]!.consultId;
    expect(
      await beaTab.act({ kind: 'withdrawConsult', postKey: p.key, consultId: second }),
    ).toMatchObject({ ok: true });
    await vi.waitUntil(() => gilTab.lastView(p.key)?.thread.waitingOn.length === 0);
  });
});
