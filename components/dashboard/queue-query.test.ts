import { QueryObserver } from '@tanstack/react-query';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThreadView } from '../../shared/domain/schemas/index.ts';
import type { ExtensionRequest, RpcResult } from '../../shared/messaging/protocol.ts';
import { changeRow, queueQueryOptions } from './queue-query.ts';
import type { QueueFilters } from './queue-scope.ts';
import { queryClient } from './server-client.ts';
import { threadView } from '../../tests/fixtures/thread-view.ts';

const view = (postKey: string, status: ThreadView['thread']['status'] = 'open') =>
  threadView(postKey, { status, departmentId: 'd1' });

const scope = { all: false, departmentIds: ['d1', 'd2'] };
const filters = (departmentId: string): QueueFilters => ({
  departmentId,
  platform: '',
  status: 'open',
  assigneeId: '',
  overdue: false,
  waitingOnMine: false,
});
const keys = (r: { data?: { items: ThreadView[] } }) => r.data?.items.map((v) => v.thread.postKey);

/**
 * The background's side of the page's tRPC link: answers `queue.list` as `answer` says, after
 * the delay it gives (the background relays each call over its WebSocket; answers can cross).
 */
function background(answer: (input: { departmentId?: string }) => [ThreadView[], number]) {
  const asked: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const msg = raw as ExtensionRequest;
    if (msg.type !== 'rpc' || msg.path !== 'queue.list') return;
    asked.push(msg.input);
    const [items, delayMs] = answer(msg.input as { departmentId?: string });
    const result: RpcResult = { ok: true, data: { now: Date.now(), items } };
    setTimeout(() => sendResponse(result), delayMs);
    return true;
  });
  return asked;
}

describe('dashboard queue query', () => {
  let unsubscribe = () => {};
  beforeEach(() => queryClient.clear());
  afterEach(() => unsubscribe());

  it('never lets a slow answer to older filters replace the answer to newer ones', async () => {
    const asked = background(({ departmentId }) =>
      departmentId === 'd1' ? [[view('x:1')], 150] : [[view('x:2')], 5],
    );
    const observer = new QueryObserver(queryClient, queueQueryOptions(filters('d1'), scope));
    const shown: (string[] | undefined)[] = [];
    unsubscribe = observer.subscribe((r) => shown.push(keys(r)));
    // The lead picks another department before the first answer is back.
    observer.setOptions(queueQueryOptions(filters('d2'), scope));

    await vi.waitUntil(() => asked.length === 2);
    await vi.waitUntil(() => keys(observer.getCurrentResult())?.[0] === 'x:2');
    // The first answer lands now, late: it fills its own query, not the one on screen.
    await vi.waitUntil(() =>
      queryClient.getQueryData(queueQueryOptions(filters('d1'), scope).queryKey),
    );
    expect(keys(observer.getCurrentResult())).toEqual(['x:2']);
    expect(shown.filter(Boolean)).not.toContainEqual(['x:1']);
  });

  it('keeps a row changed in place when a refresh that left before the change comes back', async () => {
    let answer: [ThreadView[], number] = [[view('x:1'), view('x:3')], 5];
    background(() => answer);
    const options = queueQueryOptions(filters(''), scope);
    const observer = new QueryObserver(queryClient, options);
    unsubscribe = observer.subscribe(() => undefined);
    await vi.waitUntil(() => keys(observer.getCurrentResult())?.length === 2);

    answer = [[view('x:1'), view('x:3')], 100]; // the server's answer from before the change
    void observer.refetch();
    await changeRow(filters(''), scope, 'x:1', view('x:1', 'resolved'));
    await new Promise((r) => setTimeout(r, 150));
    const rows = observer.getCurrentResult().data!.items;
    expect(rows.map((v) => [v.thread.postKey, v.thread.status])).toEqual([
      ['x:1', 'resolved'],
      ['x:3', 'open'],
    ]);
  });
});
