import { describe, expect, it } from 'vitest';
import { alertAllowed, alertForEvent, alertForSla, DEFAULT_ALERT_PREFS } from './alerts.ts';
import type { Alert } from './alerts.ts';
import type { Member, SyncEvent, Thread } from '../domain/schemas/index.ts';

const ana: Member = {
  id: 'ana',
  name: 'Ana',
  handle: 'ana',
  role: 'member',
  departmentIds: ['support'],
};
const name = (id: string) => ({ support: 'Support', sales: 'Sales' })[id] ?? id;
const thread = (over: Partial<Thread> = {}): Thread => ({
  postKey: 'x:1',
  platform: 'x',
  url: 'https://x.com/a/status/1',
  authorHandle: 'a',
  authorName: 'Alex',
  text: 'my order is late',
  postedAt: null,
  departmentId: 'support',
  suggestedDepartmentId: null,
  assigneeId: null,
  status: 'open',
  version: 2,
  firstSeenAt: 0,
  firstSeenBy: null,
  answeredAt: null,
  answeredBy: null,
  dueAt: 60_000,
  noteCount: 0,
  waitingOn: [],
  ...over,
});
const event = (over: Partial<SyncEvent>): SyncEvent => ({
  id: 7,
  type: 'thread.routed',
  postKey: 'x:1',
  actorId: 'lead',
  at: 0,
  thread: thread(),
  claim: null,
  data: {},
  ...over,
});

describe('which member gets which alert', () => {
  it('alerts members of the department a post is routed to, not others, not the router', () => {
    expect(alertForEvent(event({}), ana, name)).toMatchObject({
      id: 'event:7',
      kind: 'routed',
      title: 'New in Support',
      body: 'Alex: my order is late',
      action: 'claim',
    });
    expect(
      alertForEvent(event({ thread: thread({ departmentId: 'sales' }) }), ana, name),
    ).toBeNull();
    expect(alertForEvent(event({ actorId: 'ana' }), ana, name)).toBeNull();
    expect(alertForEvent(event({ thread: thread({ status: 'answered' }) }), ana, name)).toBeNull();
  });

  it('alerts the assignee, and the holder whose claim was overridden or expired', () => {
    const assigned = event({ type: 'thread.assigned', data: { from: null, to: 'ana' } });
    expect(alertForEvent(assigned, ana, name)?.kind).toBe('assigned');
    expect(alertForEvent({ ...assigned, data: { to: 'ben' } }, ana, name)).toBeNull();
    const overridden = event({
      type: 'claim.overridden',
      data: { previousHolderId: 'ana' },
      claim: { postKey: 'x:1', holderId: 'ben', holderName: 'Ben', token: 3, expiresAt: 1 },
    });
    expect(alertForEvent(overridden, ana, name)?.title).toBe('A lead gave your claim to Ben');
    const expired = event({ type: 'claim.expired', actorId: null, data: { holderId: 'ana' } });
    expect(alertForEvent(expired, ana, name)?.title).toBe('Your claim expired');
    expect(alertForEvent(event({ type: 'claim.acquired' }), ana, name)).toBeNull();
    const pastMe = event({
      type: 'thread.replied',
      actorId: 'ben',
      data: { claimHolderId: 'ana' },
    });
    expect(alertForEvent(pastMe, ana, name)).toMatchObject({ kind: 'claimLost', action: 'notes' });
    const mine = event({ type: 'thread.replied', actorId: 'ben', data: { claimHolderId: null } });
    expect(alertForEvent(mine, ana, name)).toBeNull();
  });

  it('warns about SLAs of open threads in my departments only', () => {
    expect(alertForSla(thread(), 'warning', ana, name)).toMatchObject({
      id: 'sla:warning:x:1',
      kind: 'slaWarning',
    });
    expect(alertForSla(thread(), 'breached', ana, name)?.title).toBe(
      'Support: first response overdue',
    );
    expect(alertForSla(thread(), 'ok', ana, name)).toBeNull();
    expect(alertForSla(thread({ departmentId: 'sales' }), 'breached', ana, name)).toBeNull();
  });
});

describe('alert preferences', () => {
  const alert = alertForEvent(event({}), ana, name) as Alert;
  const at = (h: number, m = 0) => new Date(2026, 10, 22, h, m);

  it('honours kinds, muted departments and a mute period', () => {
    expect(alertAllowed(alert, DEFAULT_ALERT_PREFS, at(12))).toBe(true);
    const kinds = { ...DEFAULT_ALERT_PREFS.kinds, routed: false };
    expect(alertAllowed(alert, { ...DEFAULT_ALERT_PREFS, kinds }, at(12))).toBe(false);
    expect(
      alertAllowed(alert, { ...DEFAULT_ALERT_PREFS, mutedDepartments: ['support'] }, at(12)),
    ).toBe(false);
    const until = at(13).getTime();
    expect(alertAllowed(alert, { ...DEFAULT_ALERT_PREFS, mutedUntil: until }, at(12))).toBe(false);
    expect(alertAllowed(alert, { ...DEFAULT_ALERT_PREFS, mutedUntil: until }, at(14))).toBe(true);
  });

  it('keeps quiet hours, also across midnight', () => {
    const night = { ...DEFAULT_ALERT_PREFS, quietHours: { from: '22:00', to: '07:30' } };
    expect(alertAllowed(alert, night, at(23))).toBe(false);
    expect(alertAllowed(alert, night, at(7, 15))).toBe(false);
    expect(alertAllowed(alert, night, at(7, 30))).toBe(true);
    const lunch = { ...DEFAULT_ALERT_PREFS, quietHours: { from: '12:00', to: '13:00' } };
    expect(alertAllowed(alert, lunch, at(12, 30))).toBe(false);
    expect(alertAllowed(alert, lunch, at(14))).toBe(true);
  });
});
