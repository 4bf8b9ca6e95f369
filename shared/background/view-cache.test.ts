import { describe, expect, it } from 'vitest';
import type { ThreadView } from '../domain/schemas/thread.ts';
import { LocalDb } from './local-db.ts';
import { storeConfirmed } from './view-cache.ts';
import { freshDbName } from '../../tests/background/test-background.ts';
import { threadView } from '../../tests/fixtures/thread-view.ts';

const view = (version: number, patch: Partial<ThreadView['thread']> = {}) =>
  threadView('x:1', { version, ...patch });

describe('view cache', () => {
  it('never lets an older thread version replace a newer one', async () => {
    const db = new LocalDb(freshDbName());
    await storeConfirmed(db, [view(3, { status: 'answered' })]);
    const stored = await storeConfirmed(db, [view(2, { status: 'open' })]);
    expect(stored[0]?.thread).toMatchObject({ version: 3, status: 'answered' });
    expect((await db.views.get('x:1'))?.thread).toMatchObject({ version: 3, status: 'answered' });
    // The same version again (a claim changed, the thread did not) and newer ones are taken.
    const claim = { postKey: 'x:1', holderId: 'm1', holderName: 'Ana', token: 4, expiresAt: 9 };
    await storeConfirmed(db, [{ ...view(3, { status: 'answered' }), claim }]);
    expect((await db.views.get('x:1'))?.claim).toEqual(claim);
    await storeConfirmed(db, [view(4, { status: 'resolved' })]);
    expect((await db.views.get('x:1'))?.thread).toMatchObject({ version: 4, status: 'resolved' });
  });

  it('keeps showing a queued action, and updates only the copy it would roll back to', async () => {
    const db = new LocalDb(freshDbName());
    const shown = view(1, { status: 'dismissed' });
    await db.views.put({ postKey: 'x:1', ...shown, pending: true, confirmed: view(1) });
    await storeConfirmed(db, [view(2, { assigneeId: 'm2' })]);
    const cached = await db.views.get('x:1');
    expect(cached).toMatchObject({ pending: true, thread: { status: 'dismissed' } });
    expect(cached?.confirmed?.thread).toMatchObject({ version: 2, assigneeId: 'm2' });
  });
});
