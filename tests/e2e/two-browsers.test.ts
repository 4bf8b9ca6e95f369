import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../server/harness.ts';
import type { Client, TestOrg, TestServer } from '../server/harness.ts';
import {
  launchWithExtension,
  screenshot,
  serveFixture,
  signIn,
  stopServiceWorker,
} from './support/chromium.ts';
import type { ExtensionBrowser } from './support/chromium.ts';
import { expectedKeys, sitePages } from './support/sites.ts';
import { act, openBadgedPage, overlayOf, overlayText, storedCursor } from './support/overlay.ts';

const x = sitePages.find((s) => s.site === 'x')!;

describe('two members in two browsers, one server', () => {
  let ts: TestServer;
  let org: TestOrg;
  const people: Record<'ana' | 'ben', { id: string; token: string; client: Client }> = {} as never;
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;
  let pageA: Page;
  let pageB: Page;
  let keys: string[];

  async function open(b: ExtensionBrowser) {
    await serveFixture(b.context, x.route, x.file);
    return openBadgedPage(b, x.url, keys.length);
  }

  beforeAll(async () => {
    keys = expectedKeys(x);
    ts = await startTestServer();
    org = await ts.org('Acme', ['Support', 'Sales']);
    people.ana = await org.member('Ana Lima', 'member', ['Support']);
    people.ben = await org.member('Ben Weiss', 'member', ['Support']);
    [a, b] = await Promise.all([launchWithExtension(), launchWithExtension()]);
    await signIn(a, `http://127.0.0.1:${ts.port}`, people.ana.token, 'Ana Lima');
    await signIn(b, `http://127.0.0.1:${ts.port}`, people.ben.token, 'Ben Weiss');
    pageA = await open(a);
    pageB = await open(b);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await ts?.close();
  });

  it('shows A’s claim in B, refuses B’s claim with A’s name, and shows the answer', async () => {
    const key = keys[0]!;
    await act(pageA, key, 'Claim');
    await expect.poll(() => overlayText(pageB, key)).toContain('Ana Lima is answering');
    await act(pageB, key, 'Claim');
    await expect.poll(() => overlayText(pageB, key)).toMatch(/Ana Lima is answering this post/);
    // The note takes a second line: the host grows to hold it (its frame is one line otherwise).
    const boxes = await pageB
      .locator(`switchboard-overlay[data-post-key="${key}"]`)
      .evaluate((host) => {
        const note = host.shadowRoot!.querySelector('.sb-note')!.getBoundingClientRect();
        const box = host.getBoundingClientRect();
        return { host: box.height, noteInside: note.bottom <= box.bottom && note.height > 0 };
      });
    expect(boxes.host).toBeGreaterThan(30);
    expect(boxes.noteInside).toBe(true);
    await screenshot(pageB, 'two-browsers-b-refused');
    await act(pageA, key, 'Mark answered');
    await expect.poll(() => overlayText(pageB, key)).toMatch(/answered/i);
    expect(await overlayText(pageB, key)).not.toContain('is answering');
  });

  it('keeps working through a server restart: offline shown, queued claim applied once, nothing missed', async () => {
    const [queuedKey, routedKey] = [keys[1]!, keys[2]!];
    // It failed in CI twice with B never showing A's claim: say which side was behind.
    onTestFailed(async () => {
      const events = await org.admin.events.list.query({ afterId: 0, limit: 1000 });
      console.error(
        `restart test: A shows "${await overlayText(pageA, queuedKey)}", B "${await overlayText(pageB, queuedKey)}"; the server's events:`,
        JSON.stringify(events.map((e) => [e.id, e.type, e.postKey, e.actorId])),
      );
    });
    await ts.stop();
    await expect.poll(() => overlayText(pageA, queuedKey), { timeout: 10_000 }).toMatch(/offline/i);
    await act(pageA, queuedKey, 'Claim');
    await expect.poll(() => overlayText(pageA, queuedKey)).toMatch(/pending/i);
    await screenshot(pageA, 'two-browsers-a-offline-pending');

    await ts.start();
    // A change by someone else right after the restart, before the browsers are back.
    await org.admin.threads.assign.mutate({
      postKey: routedKey,
      departmentId: org.departments.Sales!.id,
    });

    await expect
      .poll(() => overlayText(pageB, queuedKey), { timeout: 20_000 })
      .toContain('Ana Lima is answering');
    // B can hear of the claim before A's own acknowledgement arrives: A shows
    // "You are answering · Pending" until then, and only the acknowledgement clears it.
    await expect
      .poll(async () => {
        const text = await overlayText(pageA, queuedKey);
        return text.includes('You are answering') && !/pending/i.test(text);
      })
      .toBe(true);
    await expect.poll(() => overlayText(pageB, routedKey)).toContain('Sales');
    await expect.poll(() => overlayText(pageA, routedKey)).toContain('Sales');
    const events = await org.admin.events.list.query({ afterId: 0, limit: 1000 });
    expect(
      events.filter((e) => e.postKey === queuedKey && e.type === 'claim.acquired'),
    ).toHaveLength(1);
  });

  it('rolls back a claim queued offline when someone else claimed first, and says so', async () => {
    const key = keys[6]!;
    await ts.stop();
    await expect.poll(() => overlayText(pageA, key), { timeout: 10_000 }).toMatch(/offline/i);
    await act(pageA, key, 'Claim');
    await expect.poll(() => overlayText(pageA, key)).toMatch(/pending/i);
    await ts.start();
    await org.admin.claims.acquire.mutate({ postKey: key }); // before A is back
    await expect
      .poll(() => overlayText(pageA, key), { timeout: 20_000 })
      .toContain('Acme Admin is answering');
    // The notice naming the holder can paint a frame before the rolled-back badge does.
    await expect.poll(() => overlayText(pageA, key)).not.toContain('You are answering');
    await expect.poll(() => overlayText(pageA, key)).toContain('Acme Admin is answering this post');
    await screenshot(pageA, 'two-browsers-a-rolled-back');
  });

  it('resumes the stream from the stored cursor when the service worker is stopped and woken', async () => {
    const key = keys[3]!;
    const worker = await stopServiceWorker(b);
    // Changes while B's worker is stopped.
    await org.admin.threads.assign.mutate({
      postKey: key,
      departmentId: org.departments.Sales!.id,
    });
    await people.ana.client.threads.dismiss.mutate({ postKey: keys[4]! }).catch(() => undefined);
    const latest = (await org.admin.events.list.query({ afterId: 0, limit: 1000 })).at(-1)!.id;

    // The tab's port reconnecting wakes the worker.
    await expect.poll(() => overlayText(pageB, key), { timeout: 20_000 }).toContain('Sales');
    await expect.poll(() => storedCursor(b), { timeout: 10_000 }).toBe(String(latest));
    expect(await overlayOf(pageB, key).count()).toBe(1);
    await worker.woken; // a new worker ran, and picked up from the stored cursor
    await worker.close();
  });

  it('releases a claim when the tab showing the post closes', async () => {
    const key = keys[5]!;
    const tab = await open(a);
    await act(tab, key, 'Claim');
    await expect
      .poll(
        async () =>
          (await people.ana.client.posts.get.query({ postKeys: [key] }))[0]?.claim?.holderId,
      )
      .toBe(people.ana.id);
    await pageA.close(); // the other tab on the same page shows the post too
    await tab.close();
    await expect
      .poll(async () => (await people.ana.client.posts.get.query({ postKeys: [key] }))[0]?.claim, {
        timeout: 15_000,
      })
      .toBeNull();
    await expect.poll(() => overlayText(pageB, key)).not.toContain('is answering');
  });
});
