import { describe, expect, it } from 'vitest';
import type { OverlayView, SessionInfo } from '../messaging/protocol.ts';
import {
  actionStarted,
  applyBackgroundMessage,
  applyBackgroundMessages,
  connectionLost,
  noteCleared,
  initialOverlayState,
  viewsForgotten,
} from './overlay-store.ts';

function view(postKey: string, version: number, patch: Partial<OverlayView['thread']> = {}) {
  return {
    thread: {
      postKey,
      platform: 'x',
      url: `https://x.com/a/status/${postKey.slice(2)}`,
      authorHandle: 'a',
      authorName: 'A',
      text: 'hello',
      postedAt: null,
      departmentId: null,
      suggestedDepartmentId: null,
      assigneeId: null,
      status: 'open',
      version,
      firstSeenAt: 0,
      firstSeenBy: null,
      answeredAt: null,
      answeredBy: null,
      dueAt: null,
      noteCount: 0,
      waitingOn: [],
      ...patch,
    },
    claim: null,
  } satisfies OverlayView;
}

const online: SessionInfo = { connection: 'online', me: null, departments: [], members: [] };

describe('overlay store', () => {
  it('takes views by post key and ignores an older version arriving late', () => {
    let s = initialOverlayState();
    s = applyBackgroundMessage(s, { type: 'views', views: [view('x:1', 2), view('x:2', 1)] });
    s = applyBackgroundMessage(s, {
      type: 'views',
      views: [view('x:1', 1, { status: 'dismissed' })],
    });
    expect(s.views.get('x:1')?.thread.status).toBe('open');
    s = applyBackgroundMessage(s, {
      type: 'views',
      views: [view('x:1', 2, { status: 'answered' })],
    });
    expect(s.views.get('x:1')?.thread.status).toBe('answered');
    expect([...s.views.keys()]).toEqual(['x:1', 'x:2']);
  });

  it('tracks a pending action until its result, and keeps the error of a refused one', () => {
    let s = actionStarted(initialOverlayState(), 'x:1', { requestId: 'r1', kind: 'claim' });
    expect(s.pending['x:1']).toEqual({ requestId: 'r1', kind: 'claim' });
    s = applyBackgroundMessage(s, { type: 'actionResult', requestId: 'other', ok: true });
    expect(s.pending['x:1']).toBeDefined();
    s = applyBackgroundMessage(s, {
      type: 'actionResult',
      requestId: 'r1',
      ok: false,
      error: 'Ana is answering this post',
    });
    expect(s.pending).toEqual({});
    expect(s.notes['x:1']).toMatchObject({ level: 'error', text: 'Ana is answering this post' });
    // A new attempt clears the old note; a newer note survives the old one's timer.
    s = actionStarted(s, 'x:1', { requestId: 'r2', kind: 'claim' });
    expect(s.notes).toEqual({});
    s = applyBackgroundMessage(s, {
      type: 'notice',
      level: 'error',
      message: 'Your queued claim was refused',
      postKey: 'x:1',
    });
    expect(noteCleared(s, 'x:1', 'Ana is answering this post').notes['x:1']).toBeDefined();
    expect(noteCleared(s, 'x:1', 'Your queued claim was refused').notes).toEqual({});
  });

  it('says "signed out" when the port drops before any session, keeps a known session otherwise', () => {
    const fresh = initialOverlayState();
    expect(connectionLost(fresh, false).session.connection).toBe('signed-out');
    const seen = applyBackgroundMessage(fresh, { type: 'session', session: online });
    expect(seen.sessionSeen).toBe(true);
    expect(connectionLost(seen, false)).toBe(seen);
    expect(connectionLost(seen, true).session.connection).toBe('offline');
    const signedOut = applyBackgroundMessage(fresh, {
      type: 'session',
      session: { ...online, connection: 'signed-out' },
    });
    expect(connectionLost(signedOut, true).session.connection).toBe('signed-out');
  });

  it('drops a refusal once the thread moves on, not when the same version comes back', () => {
    let s = applyBackgroundMessage(initialOverlayState(), {
      type: 'views',
      views: [view('x:1', 3)],
    });
    s = actionStarted(s, 'x:1', { requestId: 'r1', kind: 'claim' });
    s = applyBackgroundMessage(s, {
      type: 'actionResult',
      requestId: 'r1',
      ok: false,
      error: 'held',
    });
    s = applyBackgroundMessage(s, { type: 'views', views: [view('x:1', 3)] });
    expect(s.notes['x:1']?.text).toBe('held');
    s = applyBackgroundMessage(s, {
      type: 'views',
      views: [view('x:1', 4, { status: 'answered' })],
    });
    expect(s.notes['x:1']).toBeUndefined();
  });

  it('keeps the shown view when a new one draws the same badge (cache, then server)', () => {
    let s = applyBackgroundMessage(initialOverlayState(), {
      type: 'views',
      views: [view('x:1', 1)],
    });
    const shown = s.views.get('x:1');
    s = applyBackgroundMessage(s, { type: 'views', views: [view('x:1', 1, { text: 'edited' })] });
    expect(s.views.get('x:1')).toBe(shown);
  });

  it('applies a burst of messages in order, as one change', () => {
    const s = applyBackgroundMessages(initialOverlayState(), [
      { type: 'views', views: [view('x:1', 1)] },
      { type: 'views', views: [view('x:2', 1)] },
      { type: 'session', session: online },
      { type: 'views', views: [view('x:1', 2, { status: 'answered' })] },
    ]);
    expect(s.session).toBe(online);
    expect([...s.views.keys()]).toEqual(['x:1', 'x:2']);
    expect(s.views.get('x:1')?.thread.status).toBe('answered');
  });

  it('forgets the views of posts that left the page', () => {
    let s = applyBackgroundMessage(initialOverlayState(), {
      type: 'views',
      views: [view('x:1', 1), view('x:2', 1)],
    });
    s = viewsForgotten(s, ['x:1', 'x:9']);
    expect([...s.views.keys()]).toEqual(['x:2']);
  });
});
