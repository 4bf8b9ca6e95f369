import type { SyncEvent } from '../domain/schemas/event.ts';
import type { Member } from '../domain/schemas/org.ts';
import type { Thread } from '../domain/schemas/thread.ts';
import type { SlaPhase } from '../domain/sla.ts';
import type { Alert, AlertKind } from '../messaging/protocol.ts';
import { zAlertKind } from '../messaging/schemas.ts';

export type { Alert, AlertKind };

export const ALERT_KINDS: readonly AlertKind[] = zAlertKind.options;

export interface AlertPrefs {
  kinds: Record<AlertKind, boolean>;
  /** Departments whose routed, SLA and consult-request alerts are muted. */
  mutedDepartments: string[];
  /** Epoch ms until which nothing alerts. */
  mutedUntil: number | null;
  /** Local-time quiet hours, "HH:MM"; may span midnight. */
  quietHours: { from: string; to: string } | null;
}

export const DEFAULT_ALERT_PREFS: AlertPrefs = {
  kinds: {
    routed: true,
    assigned: true,
    claimLost: true,
    slaWarning: true,
    slaBreached: true,
    consulted: true,
    consultAnswered: true,
    mentioned: true,
  },
  mutedDepartments: [],
  mutedUntil: null,
  quietHours: null,
};

function snippet(t: Thread) {
  const who = t.authorName || t.authorHandle;
  const text = t.text.length > 90 ? `${t.text.slice(0, 89)}…` : t.text;
  return `${who}: ${text}`;
}

/** Which alert (if any) an event is for this member. Their own actions never alert them. */
export function alertForEvent(
  e: SyncEvent,
  me: Member,
  departmentName: (id: string) => string,
): Alert | null {
  const t = e.thread;
  if (!t || !e.postKey || e.actorId === me.id) return null;
  const base = {
    id: `event:${e.id}`,
    postKey: e.postKey,
    url: t.url,
    body: snippet(t),
    departmentId: t.departmentId,
  };
  const data = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'thread.routed':
      if (!t.departmentId || !me.departmentIds.includes(t.departmentId) || t.status !== 'open')
        return null;
      if (t.assigneeId === me.id) return null; // the "assigned" alert says more
      return {
        ...base,
        kind: 'routed',
        title: `New in ${departmentName(t.departmentId)}`,
        action: 'claim',
      };
    case 'thread.assigned':
      if (data.to !== me.id) return null;
      return { ...base, kind: 'assigned', title: 'Assigned to you', action: 'claim' };
    case 'claim.overridden':
      if (data.previousHolderId !== me.id) return null;
      return {
        ...base,
        kind: 'claimLost',
        title: e.claim
          ? `A lead gave your claim to ${e.claim.holderName}`
          : 'A lead released your claim',
        action: 'open',
      };
    case 'claim.expired':
      if (data.holderId !== me.id) return null;
      return { ...base, kind: 'claimLost', title: 'Your claim expired', action: 'open' };
    case 'thread.replied':
      // Someone typed past the bar and sent while I held the post: my claim ended with it.
      if (data.claimHolderId !== me.id) return null;
      return {
        ...base,
        kind: 'claimLost',
        title: 'Someone else replied to the post you were answering',
        action: 'notes',
      };
    default:
      return null;
  }
}

/** The SLA alert for an open thread of my departments that just reached a phase. */
export function alertForSla(
  t: Thread,
  phase: SlaPhase,
  me: Member,
  departmentName: (id: string) => string,
): Alert | null {
  if (phase !== 'warning' && phase !== 'breached') return null;
  if (t.status !== 'open' || !t.departmentId || !me.departmentIds.includes(t.departmentId))
    return null;
  const dept = departmentName(t.departmentId);
  return {
    id: `sla:${phase}:${t.postKey}`,
    kind: phase === 'warning' ? 'slaWarning' : 'slaBreached',
    postKey: t.postKey,
    url: t.url,
    title:
      phase === 'warning' ? `${dept}: first response due soon` : `${dept}: first response overdue`,
    body: snippet(t),
    departmentId: t.departmentId,
    action: 'claim',
  };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether the member's preferences let this alert through at local time `now`. */
export function alertAllowed(alert: Alert, prefs: AlertPrefs, now: Date): boolean {
  if (!prefs.kinds[alert.kind]) return false;
  if (prefs.mutedUntil !== null && now.getTime() < prefs.mutedUntil) return false;
  const departmentAlert =
    alert.kind === 'routed' || alert.kind === 'consulted' || alert.kind.startsWith('sla');
  if (departmentAlert && alert.departmentId && prefs.mutedDepartments.includes(alert.departmentId))
    return false;
  if (prefs.quietHours) {
    const t = now.getHours() * 60 + now.getMinutes();
    const from = minutesOf(prefs.quietHours.from);
    const to = minutesOf(prefs.quietHours.to);
    const quiet = from <= to ? t >= from && t < to : t >= from || t < to;
    if (quiet) return false;
  }
  return true;
}
