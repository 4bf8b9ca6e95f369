import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { post, world } from './world.ts';
import type { Person, World } from './world.ts';
import type { SyncEvent } from '../../../shared/domain/schemas/index.ts';

describe.skipIf(!!skipReason)('events router (createCaller)', () => {
  let w: World;
  let ana: Person;

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
  });
  afterAll(() => w.close());

  it('pages the log and streams it from a cursor, each event once and in order', async () => {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    const page = await ana.call.events.list({ afterId: 0, limit: 1 });
    expect(page.map((e) => [e.type, e.actorId])).toEqual([['post.seen', ana.id]]);

    const abort = new AbortController();
    const stream = await ana.callUntil(abort.signal).events.stream({ lastEventId: 0 });
    const seen: string[] = [];
    const reading = (async () => {
      // In-process, tracked(id, event) arrives as its envelope [id, event]; the wire splits it.
      for await (const envelope of stream as AsyncIterable<unknown>) {
        const [id, event] = envelope as [string, SyncEvent];
        expect(id).toBe(String(event.id));
        seen.push(event.type);
        if (seen.length === 3) abort.abort();
      }
    })();
    await ana.call.claims.acquire({ postKey: p.key });
    await ana.call.notes.add({ postKey: p.key, text: 'checking the order' });
    await reading;
    expect(seen).toEqual(['post.seen', 'claim.acquired', 'note.added']);
  });
});
