import { startTestServer, wsClient } from '../server/harness.ts';
import { launchWithExtension, serveFixture, signIn } from '../e2e/support/chromium.ts';
import { expectedKeys, sitePages } from '../e2e/support/sites.ts';
import { overlayOf } from '../e2e/support/overlay.ts';
import type { Page } from 'playwright-core';
import { echoFloor } from './echo-floor.ts';

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Resolves with Date.now() in page B when the post's badge first names the holder. Written as a
 * string: tsx's name-keeping helpers do not exist inside the page.
 */
function whenShown(page: Page, key: string, text: string) {
  return page.evaluate<number>(`new Promise((resolve) => {
    const root = document.querySelector('switchboard-overlay[data-post-key="${key}"]').shadowRoot;
    const check = () => root.textContent.includes(${JSON.stringify(text)}) && resolve(Date.now());
    new MutationObserver(check).observe(root, { subtree: true, childList: true, characterData: true });
    check();
  })`);
}

/**
 * Claim-to-lock propagation between two browsers: from the click on "Claim" in A to B's badge
 * saying "Ana is answering", both read from Date.now() in the pages (same machine). Split at the
 * moment the claim's event reaches a plain subscriber in the server's process (A's side and the
 * server, then B's side), and beside it the floor: a raw WebSocket echo between B's background
 * and the server's process, measured in the same run.
 */
export async function propagationBench(): Promise<Record<string, number>> {
  const site = sitePages.find((s) => s.site === 'x')!;
  const keys = expectedKeys(site);
  const ts = await startTestServer();
  const org = await ts.org('Bench', ['Support']);
  const ana = await org.member('Ana', 'member', ['Support']);
  const ben = await org.member('Ben', 'member', ['Support']);
  const [a, b] = await Promise.all([launchWithExtension(), launchWithExtension()]);
  try {
    await signIn(a, `http://127.0.0.1:${ts.port}`, ana.token, 'Ana');
    await signIn(b, `http://127.0.0.1:${ts.port}`, ben.token, 'Ben');
    const pages: Page[] = [];
    for (const br of [a, b]) {
      await serveFixture(br.context, site.route, site.file);
      const page = await br.context.newPage();
      await page.goto(site.url);
      await page.waitForFunction(
        (n) => document.querySelectorAll('switchboard-overlay').length === n,
        keys.length,
      );
      pages.push(page);
    }
    const [pageA, pageB] = pages as [Page, Page];
    // When each claim's event is published, seen from the server's own process.
    const published = new Map<string, number>();
    const watcher = wsClient(ts.port, ben.token);
    const sub = watcher.client.events.stream.subscribe(
      { lastEventId: null },
      {
        onData: ({ data }) => {
          if (data.type === 'claim.acquired' && data.postKey)
            published.set(data.postKey, Date.now());
        },
      },
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const samples: number[] = [];
    const toServer: number[] = [];
    const fromServer: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const key of keys) {
        await overlayOf(pageA, key).getByRole('button', { name: 'Actions' }).click();
        const shown = whenShown(pageB, key, 'Ana is answering');
        const clicked = await overlayOf(pageA, key)
          .getByRole('button', { name: 'Claim', exact: true })
          .evaluate((btn: HTMLElement) => {
            const t = Date.now();
            btn.click();
            return t;
          });
        const drawn = await shown;
        samples.push(drawn - clicked);
        const at = published.get(key);
        published.delete(key);

        if (at !== undefined) {
          toServer.push(at - clicked);
          fromServer.push(drawn - at);
        }
        // Let the claim go, and wait until both browsers have seen it, before the next round.
        await org.admin.claims.override.mutate({ postKey: key });
        for (const page of [pageA, pageB])
          await page.waitForFunction(
            (k) =>
              !document
                .querySelector(`switchboard-overlay[data-post-key="${k}"]`)
                ?.shadowRoot?.textContent?.includes('answering'),
            key,
          );
      }
    }
    sub.unsubscribe();
    watcher.close();
    const echo = await echoFloor(b.worker);
    for (const list of [samples, toServer, fromServer, echo]) list.sort((x, y) => x - y);
    return {
      claim_propagation_p50_ms: percentile(samples, 50),
      claim_propagation_p95_ms: percentile(samples, 95),
      claim_propagation_samples: samples.length,
      // Click in A to the event leaving the server (A's content script, background, server).
      claim_propagation_to_event_p50_ms: percentile(toServer, 50),
      claim_propagation_to_event_p95_ms: percentile(toServer, 95),
      // The event leaving the server to the lock in B's page (B's background and tab).
      claim_propagation_from_event_p50_ms: percentile(fromServer, 50),
      claim_propagation_from_event_p95_ms: percentile(fromServer, 95),
      ws_echo_background_server_p50_ms: +percentile(echo, 50).toFixed(3),
      ws_echo_background_server_p95_ms: +percentile(echo, 95).toFixed(3),
    };
  } finally {
    await a.close();
    await b.close();
    await ts.close();
  }
}
