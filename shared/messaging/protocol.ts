import type { Department, Member } from '../schemas/org.ts';
import type { PostRef } from '../schemas/post.ts';
import type { ThreadView } from '../schemas/thread.ts';

/**
 * Typed messages between a tab's content script and the background over one long-lived port
 * (`browser.runtime.connect({ name: OVERLAY_PORT })`). Content scripts never reach the server;
 * the background is the only network client.
 */
export const OVERLAY_PORT = 'switchboard-overlay';

export type ConnectionState = 'signed-out' | 'connecting' | 'online' | 'offline';

export interface SessionInfo {
  connection: ConnectionState;
  me: Member | null;
  departments: Department[];
  members: Member[];
}

export type ActionKind =
  'claim' | 'release' | 'markAnswered' | 'assign' | 'dismiss' | 'resolve' | 'reopen' | 'override';

export interface OverlayAction {
  kind: ActionKind;
  postKey: string;
  /** assign: the department to route to (null clears). */
  departmentId?: string | null;
  /** assign: the person to assign (null clears). */
  assigneeId?: string | null;
  /** override: the member who takes the claim over; absent drops it. */
  toMemberId?: string;
}

/** A view as the overlay shows it: `pending` while a queued action has not been confirmed. */
export type OverlayView = ThreadView & { pending?: boolean };

export type ContentToBackground =
  | { type: 'observe'; posts: PostRef[] }
  | { type: 'unobserve'; postKeys: string[] }
  | { type: 'action'; requestId: string; action: OverlayAction };

export type BackgroundToContent =
  | { type: 'session'; session: SessionInfo }
  | { type: 'views'; views: OverlayView[] }
  | { type: 'actionResult'; requestId: string; ok: boolean; error?: string };
