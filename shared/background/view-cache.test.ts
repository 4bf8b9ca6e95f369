import { describe, expect, it } from 'vitest';
import type { ThreadView } from '../domain/schemas/thread.ts';
import { LocalDb } from './local-db.ts';
import { storeConfirmed, ViewLookups } from './view-cache.ts';
import { freshDbName } from '../../tests/background/test-background.ts';
import { claimBy, threadView } from '../../tests/fixtures/thread-view.ts';

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

  it('loses no rollback made while a confirmed view is being stored (one transaction)', async () => {
    // The outbox rolls a refused claim back while the stream stores the winner's claim: whichever
    // runs second must see the other's write, never put the stale pending view back.
    const db = new LocalDb(freshDbName());
    const mine = { postKey: 'x:1', holderId: 'me', holderName: 'Me', token: 0, expiresAt: 9 };
    const theirs = { postKey: 'x:1', holderId: 'm2', holderName: 'Dan', token: 7, expiresAt: 9 };
    await db.views.put({
      postKey: 'x:1',
      ...view(1),
      claim: mine,
      pending: true,
      confirmed: view(1),
    });
    const rollBack = db.transaction('rw', db.views, async () => {
      const old = (await db.views.get('x:1'))!;
      await db.views.put({ postKey: 'x:1', ...old.confirmed! });
    });
    await Promise.all([storeConfirmed(db, [{ ...view(1), claim: theirs }]), rollBack]);
    const cached = await db.views.get('x:1');
    expect(cached?.pending).toBeUndefined();
    expect(cached?.claim).toEqual(theirs);
  });
});

describe('view lookups', () => {
  it('stores an event’s view over answers it overtook, and holds events only while needed', async () => {
    const db = new LocalDb(freshDbName());
    const lookups = new ViewLookups(db);
    const claim = claimBy('x:1', 'Ana', 'm1');
    const answered = () => {
      let answer!: (views: ThreadView[]) => void;
      const views = new Promise<ThreadView[]>((resolve) => (answer = resolve));
      return { views, answer };
    };
    lookups.eventArrived(threadView('x:3')); // no lookup out: nothing held
    expect(lookups.held).toBe(0);
    const a = answered();
    const first = lookups.lookUp(
      () => a.views,
      (views, store) => store(views),
    );
    lookups.eventArrived({ ...threadView('x:1'), claim }); // Ana claims x:1
    const b = answered();
    const second = lookups.lookUp(
      () => b.views,
      (views, store) => store(views),
    );
    lookups.eventArrived(threadView('x:2', { version: 2, status: 'answered' }));
    expect(lookups.held).toBe(2);

    // The first lookup was read before both events: both its views give way to them.
    a.answer([threadView('x:1'), threadView('x:2')]);
    const stored = await first;
    expect(stored.map((v) => [v.postKey, v.claim?.holderName ?? null, v.thread.status])).toEqual([
      ['x:1', 'Ana', 'open'],
      ['x:2', null, 'answered'],
    ]);
    // The second began after Ana's claim arrived: only x:2's event is still needed.
    expect(lookups.held).toBe(1);
    b.answer([threadView('x:1'), threadView('x:2')]);
    const later = await second;
    expect(later.map((v) => [v.postKey, v.claim?.holderName ?? null, v.thread.status])).toEqual([
      ['x:1', null, 'open'], // read after the claim's event: a release since, as it says
      ['x:2', null, 'answered'],
    ]);
    expect(lookups.held).toBe(0);
  });
});
