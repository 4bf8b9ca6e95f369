import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { skipReason } from '../harness.ts';
import { post, refusal, refusalMessage, world } from '../callers/world.ts';
import type { Person, World } from '../callers/world.ts';
import { classifyDatabaseError } from '../../../server/db/errors.ts';
import { INTERNAL_MESSAGE, publicError } from '../../../server/trpc/errors.ts';

/**
 * The input holes issue 10 found, each reproduced against the real router and database (SQLite,
 * and PostgreSQL under `npm run test:pg`): database text in errors, NUL and lone surrogates,
 * fractional and huge numbers, `javascript:` post addresses, an unbounded lastEventId.
 */
describe.skipIf(!!skipReason)('trust: hostile input is refused in our words', () => {
  let w: World;
  let ana: Person; // member, Support
  const NUL = 'a\u0000b';
  const LONE = 'a\uD800b';

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
  });
  afterAll(() => w.close());

  it('refuses renaming a department to a taken name with CONFLICT, not the database’s text', async () => {
    const { Support } = w.departments;
    const error = await refusalMessage(
      w.admin.call.departments.update({ id: Support!.id, name: 'Sales' }),
    );
    expect(error).toBe('a department named Sales exists');
    expect(await refusal(w.admin.call.departments.update({ id: Support!.id, name: 'Sales' }))).toBe(
      'CONFLICT',
    );
    // Its own name again is no conflict.
    expect((await w.admin.call.departments.update({ id: Support!.id, name: 'Support' })).name).toBe(
      'Support',
    );
  });

  it('maps a unique constraint the database itself raised to CONFLICT in our words', async () => {
    const row = {
      id: 'dup-1',
      org_id: w.orgId,
      name: 'Support',
      color: '#000000',
      sla_minutes: 5,
      guidelines: '{}',
      created_at: 0,
    };
    const raised = await w.deps.store.db
      .insertInto('departments')
      .values(row)
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(raised).not.toBeNull();
    expect(classifyDatabaseError(raised)).toEqual({
      code: 'CONFLICT',
      message: 'a department with this name already exists',
    });
    const answer = publicError(
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: raised }),
      'departments.create',
    );
    expect(answer.code).toBe('CONFLICT');
    expect(answer.message).not.toMatch(/constraint|departments\.|duplicate key/i);
  });

  it('answers any other fault with one generic message, logging the cause', () => {
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const answer = publicError(
        new TRPCError({
          code: 'INTERNAL_SERVER_ERROR',
          cause: new Error('relation "threads" does not exist'),
        }),
        'posts.get',
      );
      expect(answer.message).toBe(INTERNAL_MESSAGE);
      expect(logged).toHaveLength(1);
      // Answering it again does not log it twice.
      expect(publicError(answer, 'posts.get')).toBe(answer);
      expect(logged).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it('refuses NUL and lone surrogates in every kind of string field with BAD_REQUEST', async () => {
    const p = post();
    await ana.call.posts.observe({ posts: [p] });
    const { Support } = w.departments;
    const calls: [string, () => Promise<unknown>][] = [];
    for (const bad of [NUL, LONE]) {
      const ref = (patch: object) => ({ ...post(), ...patch });
      const id = `9${bad}`;
      calls.push(
        ['observe text', () => ana.call.posts.observe({ posts: [ref({ text: bad })] })],
        [
          'observe author',
          () => ana.call.posts.observe({ posts: [ref({ author: { handle: bad, name: 'n' } })] }),
        ],
        [
          'observe id',
          () => ana.call.posts.observe({ posts: [ref({ key: `x:${id}`, nativeId: id })] }),
        ],
        ['acquire key', () => ana.call.claims.acquire({ postKey: `x:${bad}` })],
        [
          'mutation id',
          () => ana.call.claims.acquire({ postKey: p.key, clientMutationId: `outbox-${bad}` }),
        ],
        ['note', () => ana.call.notes.add({ postKey: p.key, text: bad })],
        ['assign id', () => ana.call.threads.assign({ postKey: p.key, departmentId: bad })],
        ['department', () => w.admin.call.departments.create({ name: bad })],
        [
          'guidelines',
          () =>
            w.admin.call.departments.update({
              id: Support!.id,
              guidelines: { dos: [bad], donts: [], tone: '' },
            }),
        ],
        ['member', () => w.admin.call.members.create({ name: bad, role: 'member' })],
        [
          'rule',
          () =>
            w.admin.call.rules.create({ name: 'r', keywords: [bad], departmentId: Support!.id }),
        ],
        ['rule test', () => ana.call.rules.test({ text: bad })],
        ['queue', () => ana.call.queue.list({ departmentId: bad })],
        ['story', () => ana.call.threads.story({ postKey: `x:${bad}` })],
      );
    }
    const before = await w.deps.store.db.selectFrom('events').select('id').execute();
    for (const [what, call] of calls)
      expect([what, await refusal(call())]).toEqual([what, 'BAD_REQUEST']);
    const after = await w.deps.store.db.selectFrom('events').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('keeps a key that claims.acquire takes the same key posts.observe answers for', async () => {
    // A lone surrogate once made two different keys of one: refused now on both sides.
    expect(await refusal(ana.call.claims.acquire({ postKey: 'x:12\uDC00' }))).toBe('BAD_REQUEST');
    const emoji = post('ok 👍', '555😀');
    const [view] = await ana.call.posts.observe({ posts: [emoji] });
    expect(view!.thread.postKey).toBe('x:555😀');
    expect((await ana.call.claims.acquire({ postKey: 'x:555😀' })).token).toBeGreaterThan(0);
  });

  it('refuses fractional, negative and huge metrics times instead of passing them to SQL', async () => {
    for (const range of [{ from: 1.5 }, { to: 1e300 }, { from: -1 }, { to: 2 ** 53 }])
      expect(await refusal(ana.call.metrics.summary(range))).toBe('BAD_REQUEST');
    const day = 86_400_000;
    expect(
      (await ana.call.metrics.summary({ from: Date.now() - day, to: Date.now() })).now,
    ).toBeGreaterThan(0);
  });

  it('stores a post’s address only when it is https: on the post’s own site', async () => {
    const refused = [
      'javascript:alert(document.cookie)',
      'http://x.com/a/status/1',
      'https://evil.example/x.com/status/1',
      'https://x.com.evil.example/a/status/1',
      'https://user:pass@x.com/a/status/1',
      'data:text/html,<script>alert(1)</script>',
      'https://www.facebook.com/a/posts/1', // a facebook address for an X post
    ];
    for (const url of refused)
      expect([url, await refusal(ana.call.posts.observe({ posts: [{ ...post(), url }] }))]).toEqual(
        [url, 'BAD_REQUEST'],
      );
    const accepted = [
      'https://x.com/a/status/1',
      'https://twitter.com/a/status/1',
      'https://mobile.twitter.com/a',
    ];
    for (const url of accepted)
      expect((await ana.call.posts.observe({ posts: [{ ...post(), url }] }))[0]!.thread.url).toBe(
        url,
      );
  });

  it('bounds lastEventId: a thousand digits is BAD_REQUEST, not a query', async () => {
    const input = { lastEventId: '9'.repeat(1000) };
    expect(await refusal(ana.call.events.stream(input))).toBe('BAD_REQUEST');
    expect(await refusal(ana.call.events.stream({ lastEventId: 1.5 }))).toBe('BAD_REQUEST');
    expect(await refusal(ana.call.events.list({ afterId: 1e300 }))).toBe('BAD_REQUEST');
  });
});
