import { refusal } from '../domain/permissions.ts';
import type { Department } from '../domain/schemas/org.ts';
import type { ThreadStatus } from '../domain/schemas/thread.ts';
import type { OverlayView, SessionInfo } from '../messaging/protocol.ts';

/** What the composer guard says about the post whose reply box is in use. */
export type GuardState =
  /** Signed out, or the post's view has not arrived: the guard stays quiet. */
  | { kind: 'unknown' }
  /** Someone else holds the claim: the bar warns (typing is never blocked). */
  | { kind: 'held'; holderName: string; canOverride: boolean }
  | { kind: 'mine' }
  /** Nobody holds it: the first keystroke claims it (when the member chose so and may). */
  | { kind: 'free'; claimOnType: boolean; canClaim: boolean }
  /** Answered, resolved or dismissed already: someone may be answering twice. */
  | { kind: 'closed'; status: Exclude<ThreadStatus, 'open'>; answeredBy: string | null };

export function guardState(view: OverlayView | undefined, session: SessionInfo): GuardState {
  const { me } = session;
  if (!me || !view || session.connection === 'signed-out') return { kind: 'unknown' };
  const { thread, claim } = view;
  if (thread.status !== 'open') {
    const by = session.members.find((m) => m.id === thread.answeredBy);
    return {
      kind: 'closed',
      status: thread.status,
      answeredBy: by ? (by.id === me.id ? 'you' : by.name) : null,
    };
  }
  if (claim && claim.holderId !== me.id)
    return {
      kind: 'held',
      holderName: claim.holderName,
      canOverride:
        refusal(me, 'claims.override', { departmentIds: [thread.departmentId] }) === null,
    };
  if (claim) return { kind: 'mine' };
  return {
    kind: 'free',
    claimOnType: session.claimOnType ?? true,
    canClaim: refusal(me, 'claims.acquire', { departmentId: thread.departmentId }) === null,
  };
}

/** The first keystroke claims a free post, once per box, when the member chose so and may. */
export function claimsOnType(state: GuardState, text: string): boolean {
  return state.kind === 'free' && state.claimOnType && state.canClaim && text.trim() !== '';
}

/** The department whose guidelines and phrases apply: the post's, else the member's own first. */
export function guardDepartment(
  view: OverlayView | undefined,
  session: SessionInfo,
): Department | null {
  const id = view?.thread.departmentId ?? session.me?.departmentIds[0] ?? null;
  return session.departments.find((d) => d.id === id) ?? null;
}

/** Guidelines in one line (collapsed beside the box): tone, then dos, then don'ts. */
export function guidelinesLine(department: Department): string | null {
  const { tone, dos, donts } = department.guidelines;
  const parts = [
    tone && `Tone: ${tone}`,
    dos.length > 0 && `Do: ${dos.join('; ')}`,
    donts.length > 0 && `Don’t: ${donts.join('; ')}`,
  ].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : null;
}
