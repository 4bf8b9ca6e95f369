import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { post } from '../../tests/server/harness.ts';
import { freshDbName, openTab, realServerSuite } from '../../tests/background/test-background.ts';
import type { SyncEvent } from '../domain/schemas/event.ts';

describe('alert center (real server)', () => {
  const suite = realServerSuite('Alerts Co');

  /** A member's background, with the events its stream hands to the alert center. */
  async function listening(token: string, dbName = freshDbName()) {
    const background = await suite.background(token, { dbName });
    const events: SyncEvent[] = [];
    const onEvent = background.alerts.onEvent.bind(background.alerts);
    vi.spyOn(background.alerts, 'onEvent').mockImplementation((e) => {
      events.push(e);
      onEvent(e);
    });
    return { background, events };
  }

  it('alerts once per browser: a replayed event, or a second worker on the same cache, stays quiet', async () => {
    const ana = await suite.org.member('Ana', 'member', ['Support']);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    const dbName = freshDbName();
    const first = await listening(ana.token, dbName);
    const p = post('My order is late');
    await suite.org.admin.posts.observe.mutate({ posts: [p] });
    await suite.org.admin.threads.assign.mutate({
      postKey: p.key,
      departmentId: suite.org.departments.Support!.id,
    });
    const routed = await vi.waitUntil(() => first.events.find((e) => e.type === 'thread.routed'));
    // No window has focus: a system notification, named for the department.
    await vi.waitUntil(() => created.mock.calls.length === 1);
    expect(created.mock.calls[0]![0]).toBe(`event:${routed.id}`);
    expect(created.mock.calls[0]![1]).toMatchObject({ title: expect.stringContaining('Support') });

    first.background.alerts.onEvent(routed);
    const second = await listening(ana.token, dbName);
    second.background.alerts.onEvent(routed);
    await new Promise((r) => setTimeout(r, 200));
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('shows an alert as a toast in the focused social tab instead of a notification', async () => {
    const bea = await suite.org.member('Bea', 'member', ['Support']);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    const { background, events } = await listening(bea.token);
    const win = await fakeBrowser.windows.create({ focused: true });
    // The fake's getLastFocused answers the window focused before the last one; the browser's
    // answers the last one.
    const lastFocused = () => Promise.resolve({ ...win!, focused: true });
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockImplementation(
      lastFocused as typeof fakeBrowser.windows.getLastFocused,
    );
    const tab = await fakeBrowser.tabs.create({
      windowId: win!.id,
      active: true,
      url: 'https://x.com/home',
    });
    const shown = openTab(background, tab!.id);

    const p = post('Can someone call me back?');
    await suite.org.admin.posts.observe.mutate({ posts: [p] });
    await suite.org.admin.threads.assign.mutate({ postKey: p.key, assigneeId: bea.id });
    await vi.waitUntil(() => events.some((e) => e.type === 'thread.assigned'));
    const toast = await vi.waitUntil(() => shown.received.find((m) => m.type === 'toast'));
    expect(toast).toMatchObject({ alert: { kind: 'assigned', postKey: p.key } });
    expect(created).not.toHaveBeenCalled();
  });
});
