import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { post, startTestServer } from '../../tests/server/harness.ts';
import type { TestOrg, TestServer } from '../../tests/server/harness.ts';
import {
  freshDbName,
  openTab,
  showPost,
  signedInBackground,
  waitOnline,
} from '../../tests/background/test-background.ts';
import type { TestTab } from '../../tests/background/test-background.ts';
import type { BackgroundToContent } from '../messaging/protocol.ts';
import type { Background } from './start-background.ts';

const MIN = 60_000;

describe('replies and drafts from the sites’ reply boxes, through the background (real server)', () => {
  let server: TestServer;
  let org: TestOrg;
  const running: Background[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    org = await server.org('Reply Co', ['Support', 'Legal']);
  });
  afterEach(() => {
    for (const b of running.splice(0)) b.connection.stop();
  });
  afterAll(() => server.close());

  const member = async (name: string, department: string, now?: () => number) => {
    const m = await org.member(name, 'member', [department]);
    const background = await signedInBackground(server, m.token, { dbName: freshDbName(), now });
    running.push(background);
    return { ...m, background };
  };
  const routedPost = async (text: string, department = 'Support') => {
    const p = post(text);
    await org.admin.posts.observe.mutate({ posts: [p] });
    await org.admin.threads.assign.mutate({
      postKey: p.key,
      departmentId: org.departments[department]!.id,
    });
    return p;
  };
  const replies = async (postKey: string) =>
    (await org.admin.events.list.query({ afterId: 0, limit: 1000 })).filter(
      (e) => e.postKey === postKey && e.type === 'thread.replied',
    );
  async function draft(tab: TestTab, postKey: string, text: string) {
    const requestId = `d-${Math.random()}`;
    tab.send({ type: 'draft', requestId, postKey, text });
    const answer = await vi.waitUntil(
      () =>
        tab.received.find(
          (m): m is Extract<BackgroundToContent, { type: 'watchHits' }> =>
            m.type === 'watchHits' && m.requestId === requestId,
        ),
      { timeout: 10_000 },
    );
    return answer.hits;
  }

  it('records a reply sent as the claim holder: answered at once in the tab, once on the server', async () => {
    const ana = await member('Ana', 'Support');
    const tab = openTab(ana.background);
    const p = await routedPost('Where is my order?');
    await showPost(ana.background, tab, p);
    expect(await tab.act({ kind: 'claim', postKey: p.key })).toMatchObject({ ok: true });
    const sentAt = Date.now();
    expect(
      await tab.act({ kind: 'reply', postKey: p.key, text: 'It ships today!', sentAt }),
    ).toMatchObject({ ok: true });
    expect(tab.lastView(p.key)).toMatchObject({
      thread: { status: 'answered', answeredBy: ana.id, answeredWithoutClaim: false },
      claim: null,
    });
    const [event] = await replies(p.key);
    expect(event).toMatchObject({
      actorId: ana.id,
      data: { text: 'It ships today!', withoutClaim: false },
    });
  });

  it('keeps a reply sent offline, shows it answered at once, and records it once with its send time', async () => {
    // The background's clock reads 10 minutes after the send when it replays it.
    const sentAt = Date.now();
    const ben = await member('Ben', 'Support', () => sentAt + 10 * MIN);
    const tab = openTab(ben.background);
    const p = await routedPost('My parcel is lost');
    await server.server.deps.store.db
      .updateTable('threads')
      .set({ first_seen_at: sentAt - 60 * MIN })
      .where('post_key', '=', p.key)
      .execute();
    await showPost(ben.background, tab, p);

    ben.background.connection.stop();
    expect(
      await tab.act({ kind: 'reply', postKey: p.key, text: 'Found it, on its way', sentAt }),
    ).toMatchObject({ ok: true, queued: true });
    expect(tab.lastView(p.key)).toMatchObject({
      pending: true,
      thread: { status: 'answered', answeredAt: sentAt, answeredWithoutClaim: true },
    });

    await ben.background.connection.start(ben.background.settings);
    await waitOnline(ben.background);
    const recorded = await replies(p.key);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.at - (recorded[0]!.data.sentAt as number)).toBe(10 * MIN);
    const [onServer] = await org.admin.posts.get.query({ postKeys: [p.key] });
    expect(onServer!.thread).toMatchObject({ status: 'answered', answeredBy: ben.id });
    await vi.waitUntil(() => tab.lastView(p.key)?.pending !== true, { timeout: 10_000 });
  });

  it('finds the post’s department’s watch phrases in a draft, and a lead’s change at once', async () => {
    await org.admin.departments.update.mutate({
      id: org.departments.Support!.id,
      watchPhrases: [{ kind: 'word', pattern: 'guarantee', reason: 'Never guarantee outcomes' }],
    });
    await org.admin.departments.update.mutate({
      id: org.departments.Legal!.id,
      watchPhrases: [{ kind: 'word', pattern: 'refund', reason: 'Legal words' }],
    });
    const cy = await member('Cy', 'Support');
    const tab = openTab(cy.background);
    const p = await routedPost('Will it arrive by Friday?');
    await showPost(cy.background, tab, p);
    expect(await draft(tab, p.key, 'We GUARANTEE a refund by Friday')).toEqual([
      {
        departmentId: org.departments.Support!.id,
        pattern: 'guarantee',
        reason: 'Never guarantee outcomes',
        match: 'GUARANTEE',
      },
    ]);
    expect(await draft(tab, p.key, '   ')).toEqual([]);

    // A lead changes them: the event stream brings the change; the next draft sees it.
    await org.admin.departments.update.mutate({
      id: org.departments.Support!.id,
      watchPhrases: [{ kind: 'regex', pattern: 'by (monday|friday)', reason: 'No delivery dates' }],
    });
    await vi.waitUntil(
      async () =>
        (await draft(tab, p.key, 'By Friday, I guarantee it')).map((h) => h.reason).join() ===
        'No delivery dates',
      { timeout: 10_000 },
    );
    expect(await cy.background.ctx.db.departments.get(org.departments.Support!.id)).toMatchObject({
      watchPhrases: [{ pattern: 'by (monday|friday)' }],
    });
  });
});
