import type { ProcedurePath } from '../../../shared/domain/permissions.ts';
import { post } from '../harness.ts';
import type { CallerName, Person, Scene } from './matrix-scene.ts';

/**
 * One row of the authorization matrix per procedure (and a few second cases where the table's
 * access has a branch worth its own row): the outcome for each caller, in CALLERS' order, and a
 * valid input made fresh for each cell, so "allowed" means the call did what it is for.
 *
 * Outcomes: ok, U (UNAUTHORIZED), F (FORBIDDEN), N (NOT_FOUND), B (BAD_REQUEST), C (CONFLICT).
 * Columns: anonymous revoked | member otherMember otherLead lead admin | foreignMember foreignAdmin
 * ("member" and "lead" are Support's, the post's department; "other" ones are Sales').
 */
export interface Fixture {
  procedure: ProcedurePath;
  /** A second row of the same procedure: what it tries. */
  variant?: string;
  expect: string;
  input(cell: Cell): Promise<Record<string, unknown>>;
  /** What the permission table is asked for this input (none for accesses without a subject). */
  subject?(cell: Cell, input: Record<string, unknown>): unknown;
}

export interface Cell {
  s: Scene;
  who: CallerName;
  /** The person calling when signed in to the scene's organisation; else Ana (Support member). */
  self: Person;
}

let counter = 0;
const unique = (what: string) => `${what} ${++counter}`;

/** A post the admin saw, routed to `department` (null: left unrouted). */
async function postIn(s: Scene, department: string | null, assigneeId?: string) {
  const p = post(unique('Where is my order?'));
  await s.people.admin.call.posts.observe({ posts: [p] });
  if (department || assigneeId)
    await s.people.admin.call.threads.assign({
      postKey: p.key,
      departmentId: department,
      ...(assigneeId && { assigneeId }),
    });
  return p.key;
}

/** A Support post that `holder` claimed while it was still unrouted: their claim and token. */
async function heldBy(s: Scene, holder: Person) {
  const postKey = await postIn(s, null);
  const { token } = await holder.call.claims.acquire({ postKey });
  await s.people.admin.call.threads.assign({ postKey, departmentId: s.support });
  return { postKey, token };
}

/** A Support post with an open consult to Sales, asked by Ana. */
async function consulted(s: Scene) {
  const postKey = await postIn(s, s.support);
  const view = await s.people.member.call.consults.open({
    postKey,
    departmentId: s.sales,
    text: 'Can Sales offer a discount here?',
  });
  return { postKey, consultId: view.thread.waitingOn[0]!.consultId };
}

const rule = (departmentId: string) => ({
  name: unique('Rule'),
  keywords: ['refund'],
  departmentId,
});

async function freshMember(s: Scene) {
  const made = await s.people.admin.call.members.create({
    name: unique('Fresh'),
    departmentIds: [s.support],
  });
  return made.member.id;
}

export const fixtures: Fixture[] = [
  { procedure: 'auth.whoami', expect: 'U U ok ok ok ok ok ok ok', input: async () => ({}) },
  { procedure: 'departments.list', expect: 'U U ok ok ok ok ok ok ok', input: async () => ({}) },
  {
    procedure: 'departments.create',
    expect: 'U U F F F F ok F ok',
    input: async () => ({ name: unique('Dept'), slaMinutes: 30 }),
  },
  {
    procedure: 'departments.update',
    expect: 'U U F F F ok ok F N',
    input: async ({ s }) => ({ id: s.support, slaMinutes: 10 + (counter++ % 1000) }),
    subject: ({ s }) => ({ departmentId: s.support, renames: false }),
  },
  {
    procedure: 'departments.update',
    variant: 'rename',
    expect: 'U U F F F F ok F N',
    input: async ({ s }) => ({ id: s.support, name: unique('Support') }),
    subject: ({ s }) => ({ departmentId: s.support, renames: true }),
  },
  { procedure: 'members.list', expect: 'U U ok ok ok ok ok ok ok', input: async () => ({}) },
  {
    procedure: 'members.create',
    // Another organisation's department ids are unknown there: refused as input.
    expect: 'U U F F F F ok F B',
    input: async ({ s }) => ({ name: unique('New'), role: 'member', departmentIds: [s.support] }),
  },
  {
    procedure: 'members.update',
    expect: 'U U F F F F ok F N',
    input: async ({ s }) => ({ id: await freshMember(s), role: 'lead' }),
  },
  {
    procedure: 'members.remove',
    expect: 'U U F F F F ok F N',
    input: async ({ s }) => ({ id: await freshMember(s) }),
  },
  {
    procedure: 'members.tokens',
    expect: 'U U F F F F ok F ok',
    input: async ({ s }) => ({ memberId: s.bo.id }),
  },
  {
    procedure: 'members.issueToken',
    expect: 'U U F F F F ok F N',
    input: async ({ s }) => ({ memberId: await freshMember(s) }),
  },
  {
    procedure: 'members.revokeToken',
    expect: 'U U F F F F ok F N',
    input: async ({ s }) => {
      const memberId = await freshMember(s);
      const [token] = await s.people.admin.call.members.tokens({ memberId });
      return { id: token!.id };
    },
  },
  {
    procedure: 'posts.observe',
    expect: 'U U ok ok ok ok ok ok ok',
    input: async () => ({ posts: [post(unique('Hello?'))] }),
  },
  {
    procedure: 'posts.get',
    expect: 'U U ok ok ok ok ok ok ok',
    input: async ({ s }) => ({ postKeys: [await postIn(s, s.support)] }),
  },
  {
    procedure: 'threads.assign',
    expect: 'U U ok F F ok ok N N',
    input: async ({ s }) => ({ postKey: await postIn(s, s.support), departmentId: s.sales }),
    subject: ({ s }, input) => ({
      thread: { departmentId: s.support, assigneeId: null },
      target: { departmentId: input.departmentId },
    }),
  },
  {
    procedure: 'threads.assign',
    variant: 'taking a thread assigned to someone else',
    expect: 'U U F F F ok ok N N',
    input: async ({ s, self }) => ({
      postKey: await postIn(s, s.support, s.bo.id),
      assigneeId: self.role === 'admin' || self.departmentIds.includes(s.support) ? self.id : null,
    }),
    subject: ({ s }, input) => ({
      thread: { departmentId: s.support, assigneeId: s.bo.id },
      target: { assigneeId: input.assigneeId },
    }),
  },
  {
    procedure: 'threads.markAnswered',
    expect: 'U U ok F F ok ok N N',
    input: async ({ s, self }) => heldBy(s, self),
    subject: ({ s }) => ({ departmentId: s.support }),
  },
  {
    procedure: 'threads.resolve',
    expect: 'U U F F F ok ok N N',
    input: async ({ s }) => ({ postKey: await postIn(s, s.support) }),
    subject: ({ s }) => ({ departmentIds: [s.support] }),
  },
  {
    procedure: 'threads.reopen',
    expect: 'U U F F F ok ok N N',
    input: async ({ s }) => {
      const postKey = await postIn(s, s.support);
      await s.people.admin.call.threads.resolve({ postKey });
      return { postKey };
    },
    subject: ({ s }) => ({ departmentIds: [s.support] }),
  },
  {
    procedure: 'threads.dismiss',
    expect: 'U U ok F F ok ok N N',
    input: async ({ s }) => ({ postKey: await postIn(s, s.support) }),
    subject: ({ s }) => ({ departmentId: s.support }),
  },
  {
    procedure: 'threads.recordReply',
    expect: 'U U ok ok ok ok ok N N',
    input: async ({ s }) => ({ postKey: await postIn(s, s.support), text: 'Sorry, on its way!' }),
  },
  {
    procedure: 'threads.story',
    expect: 'U U ok ok ok ok ok N N',
    input: async ({ s }) => ({ postKey: await postIn(s, s.support) }),
  },
  {
    procedure: 'notes.add',
    expect: 'U U ok F F ok ok N N',
    input: async ({ s }) => ({ postKey: await postIn(s, s.support), text: 'VIP customer' }),
    subject: ({ s }) => ({ audience: { departmentId: s.support, consultedDepartmentIds: [] } }),
  },
  {
    procedure: 'notes.add',
    variant: 'on a post that asked Sales',
    expect: 'U U ok ok ok ok ok N N',
    input: async ({ s }) => ({ postKey: (await consulted(s)).postKey, text: 'Noted' }),
    subject: ({ s }) => ({
      audience: { departmentId: s.support, consultedDepartmentIds: [s.sales] },
    }),
  },
  {
    procedure: 'consults.open',
    expect: 'U U ok F F ok ok N N',
    input: async ({ s }) => ({
      postKey: await postIn(s, s.support),
      departmentId: s.sales,
      text: 'Is this a sales lead?',
    }),
    subject: ({ s }) => ({ departmentId: s.support }),
  },
  {
    procedure: 'consults.answer',
    expect: 'U U F ok ok F ok N N',
    input: async ({ s }) => ({ ...(await consulted(s)), text: 'Yes, 10% off' }),
    subject: ({ s }) => ({ departmentId: s.sales }),
  },
  {
    procedure: 'consults.withdraw',
    expect: 'U U ok F F ok ok N N',
    input: async ({ s }) => consulted(s),
    subject: ({ s }) => ({
      thread: { departmentId: s.support, assigneeId: null },
      holderId: null,
      openedBy: s.people.member.id,
    }),
  },
  {
    procedure: 'consults.withdraw',
    variant: 'by the claim holder',
    expect: 'U U ok ok ok ok ok N N',
    input: async ({ s, self }) => {
      const { postKey } = await heldBy(s, self);
      const view = await s.people.admin.call.consults.open({
        postKey,
        departmentId: s.sales,
        text: 'Sales, can you take this?',
      });
      return { postKey, consultId: view.thread.waitingOn[0]!.consultId };
    },
    subject: ({ s, self }) => ({
      thread: { departmentId: s.support, assigneeId: null },
      holderId: self.id,
      openedBy: s.people.admin.id,
    }),
  },
  {
    procedure: 'claims.acquire',
    expect: 'U U ok F F ok ok N N',
    input: async ({ s }) => ({ postKey: await postIn(s, s.support) }),
    subject: ({ s }) => ({ departmentId: s.support }),
  },
  {
    procedure: 'claims.renew',
    // From another organisation a token proves nothing: stale there, as any wrong token.
    expect: 'U U ok ok ok ok ok C C',
    input: async ({ s, self }) => heldBy(s, self),
  },
  {
    procedure: 'claims.release',
    expect: 'U U ok ok ok ok ok C C',
    input: async ({ s, self }) => heldBy(s, self),
  },
  {
    procedure: 'claims.override',
    expect: 'U U F F F ok ok N N',
    input: async ({ s }) => ({ postKey: (await heldBy(s, s.bo)).postKey }),
    subject: ({ s }) => ({ departmentIds: [s.support] }),
  },
  {
    procedure: 'events.stream',
    expect: 'U U ok ok ok ok ok ok ok',
    input: async () => ({ lastEventId: 0 }),
  },
  {
    procedure: 'events.list',
    expect: 'U U ok ok ok ok ok ok ok',
    input: async () => ({ afterId: 0, limit: 50 }),
  },
  {
    procedure: 'queue.list',
    expect: 'U U ok ok ok ok ok ok ok',
    input: async ({ s }) => ({ departmentIds: [s.support] }),
  },
  { procedure: 'rules.list', expect: 'U U ok ok ok ok ok ok ok', input: async () => ({}) },
  {
    procedure: 'rules.create',
    expect: 'U U F F F ok ok F B',
    input: async ({ s }) => rule(s.support),
    subject: ({ s }) => ({ departmentIds: [s.support] }),
  },
  {
    procedure: 'rules.update',
    expect: 'U U F F F ok ok F N',
    input: async ({ s }) => ({
      id: (await s.people.admin.call.rules.create(rule(s.support))).id,
      enabled: false,
    }),
    subject: ({ s }) => ({ departmentIds: [s.support, s.support] }),
  },
  {
    procedure: 'rules.delete',
    expect: 'U U F F F ok ok F N',
    input: async ({ s }) => ({ id: (await s.people.admin.call.rules.create(rule(s.support))).id }),
    subject: ({ s }) => ({ departmentIds: [s.support] }),
  },
  {
    procedure: 'rules.reorder',
    expect: 'U U F F F ok ok F B',
    input: async ({ s }) => {
      const first = await s.people.admin.call.rules.create(rule(s.support));
      const second = await s.people.admin.call.rules.create(rule(s.support));
      return { ids: [second.id, first.id] };
    },
    subject: ({ s }) => ({ departmentIds: [s.support] }),
  },
  {
    procedure: 'rules.test',
    expect: 'U U ok ok ok ok ok ok ok',
    input: async () => ({ text: 'I want a refund', authorHandle: 'someone' }),
  },
  {
    procedure: 'metrics.summary',
    expect: 'U U ok ok ok ok ok ok ok',
    input: async ({ s }) => ({ from: 0, to: Date.now() + 60_000, departmentIds: [s.support] }),
  },
];
