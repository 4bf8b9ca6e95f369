import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeps } from '../../server/app.ts';
import type { ServerDeps } from '../../server/services/deps.ts';
import { listRules } from '../../server/services/rules.ts';
import { seedDemo } from '../../server/seed-demo.ts';
import type { SeededDemo } from '../../server/seed-demo.ts';
import { DEMO_MEMBERS } from '../../server/demo-org.ts';
import { matchRule } from '../../shared/domain/routing.ts';
import { buildReplicas } from '../demo/replica-pages.ts';
import { DEMO_POSTS } from '../demo/posts.ts';
import { parseHTML } from 'linkedom';
import { freshStore } from './harness.ts';
import type { FreshStore } from './harness.ts';

describe('seed-demo: the demo organisation', () => {
  let store: FreshStore;
  let deps: ServerDeps;
  let demo: SeededDemo;

  beforeAll(async () => {
    store = await freshStore();
    deps = await openDeps(store.options);
    demo = await seedDemo(deps);
  });
  afterAll(async () => {
    await deps?.store.close();
    await store?.drop();
  });

  it('has seven departments, each with its own colour, a target and real guidelines', () => {
    expect(demo.departments.map((d) => d.name).sort()).toEqual(
      ['HR', 'Legal', 'Marketing', 'PR', 'Product', 'Sales', 'Support'].sort(),
    );
    expect(new Set(demo.departments.map((d) => d.color)).size).toBe(7);
    for (const d of demo.departments) {
      expect(d.slaMinutes).toBeGreaterThan(0);
      expect(d.guidelines.tone, d.name).not.toBe('');
      expect(d.guidelines.dos.length, d.name).toBeGreaterThan(0);
      expect(d.guidelines.donts.length, d.name).toBeGreaterThan(0);
    }
  });

  it('has a lead and at least one member in every department, each with a sign-in token', () => {
    for (const d of demo.departments) {
      const people = demo.members.filter((m) => m.member.departmentIds.includes(d.id));
      expect(
        people.filter((p) => p.member.role === 'lead'),
        d.name,
      ).toHaveLength(1);
      expect(people.filter((p) => p.member.role === 'member').length, d.name).toBeGreaterThan(0);
    }
    expect(demo.members).toHaveLength(DEMO_MEMBERS.length + 1); // and the admin
    expect(new Set(demo.members.map((m) => m.token)).size).toBe(demo.members.length);
  });

  it('routes every post of the demo pages where the demo says, as the adapters read them', async () => {
    const rules = await listRules(deps.store.db, demo.org.id);
    const nameOf = new Map(demo.departments.map((d) => [d.id, d.name]));
    let checked = 0;
    for (const page of buildReplicas({ name: 'Ana Lima', title: 'Support at Acme Outdoor' })) {
      const doc = parseHTML(page.html).document as unknown as Document;
      const expected = Object.values(DEMO_POSTS[page.site]).filter((p) => !p.drop);
      const posts = page.adapter.findPosts(doc).map((el) => page.adapter.readPost(el)!);
      expect(posts).toHaveLength(expected.length);
      for (const [i, post] of posts.entries()) {
        const rule = matchRule(rules, {
          platform: post.platform,
          text: post.text,
          authorHandle: post.author.handle,
        });
        const routed = rule && { department: nameOf.get(rule.departmentId), mode: rule.mode };
        expect(routed ?? null, `${post.key}: ${post.text}`).toEqual(expected[i]!.routes);
        checked++;
      }
    }
    expect(checked).toBe(19);
  });
});
