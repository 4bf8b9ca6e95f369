import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../harness.ts';
import { post, refusal, refusalMessage, world } from '../callers/world.ts';
import type { Person, World } from '../callers/world.ts';

/**
 * Issue 10: a lead's `^(a+)+$` let any member's posts.observe block the server for seconds
 * (catastrophic backtracking). Rules now run on RE2 in linear time; what RE2 cannot run is
 * refused when saved, with the reason.
 */
describe.skipIf(!!skipReason)('trust: routing rule regexes', () => {
  let w: World;
  let ana: Person; // member, Support
  let sam: Person; // lead, Support

  beforeAll(async () => {
    w = await world();
    ana = await w.member('Ana', 'member', ['Support']);
    sam = await w.member('Sam', 'lead', ['Support']);
  });
  afterAll(() => w.close());

  const rule = (regex: string) => ({
    name: `r ${regex}`,
    regex,
    departmentId: w.departments.Support!.id,
    mode: 'auto' as const,
  });

  it('saves ^(a+)+$ and routes 200 hostile posts with it at once', async () => {
    await sam.call.rules.create(rule('^(a+)+$'));
    const hostile = Array.from({ length: 200 }, (_, i) => post('a'.repeat(490) + '!' + i));
    const before = process.cpuUsage();
    const views = await ana.call.posts.observe({ posts: hostile });
    const cpu = process.cpuUsage(before);
    expect(views).toHaveLength(200);
    expect(views.every((v) => v.thread.departmentId === null)).toBe(true);
    const [matching] = await ana.call.posts.observe({ posts: [post('a'.repeat(400))] });
    expect(matching!.thread.departmentId).toBe(w.departments.Support!.id);
    console.log(
      `posts.observe of 200 posts against ^(a+)+$: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
    );
  });

  it('refuses a pattern RE2 cannot run in linear time, saying why, and changes nothing', async () => {
    const before = (await ana.call.rules.list()).length;
    expect(await refusalMessage(sam.call.rules.create(rule('(ab)\\1')))).toMatch(
      /^invalid regex: backreferences .* patterns run in linear time$/,
    );
    expect(await refusalMessage(sam.call.rules.create(rule('(?=refund)')))).toMatch(/lookahead/);
    expect(await refusalMessage(sam.call.rules.create(rule('.{500}x')))).toMatch(/too complex/);
    const [first] = await ana.call.rules.list();
    expect(await refusal(sam.call.rules.update({ id: first!.id, regex: '(a)\\1' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await ana.call.rules.list()).toHaveLength(before);
    expect((await ana.call.rules.list())[0]!.regex).toBe('^(a+)+$');
  });
});
