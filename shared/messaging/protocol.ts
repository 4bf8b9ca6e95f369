import type { Department, Member } from '../schemas/org.ts';
import type { PostRef } from '../schemas/post.ts';
import type { ThreadView } from '../schemas/thread.ts';
import type { Alert } from '../alerts.ts';

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
  serverUrl?: string;
  orgName?: string;
  /** Why the last connection attempt failed, in words for the user. */
  error?: string;
  /** Actions waiting in the outbox for the server. */
  pendingActions?: number;
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
  | {
      type: 'actionResult';
      requestId: string;
      ok: boolean;
      error?: string;
      /** Accepted offline: kept in the outbox and applied when the server is back. */
      queued?: boolean;
    }
  /** An alert for this member, shown as a toast in the focused tab. */
  | { type: 'toast'; alert: Alert }
  /** The department's guidelines, for the member who just claimed one of its posts. */
  | { type: 'guidelines'; postKey: string; department: Department }
  /** Something the user should be told outside an action's own answer (a queued action refused). */
  | { type: 'notice'; level: 'info' | 'error'; message: string; postKey?: string };

/** One-off requests from extension pages (options, popup) to the background. */
export type ExtensionRequest =
  | { type: 'signIn'; serverUrl: string; token: string }
  | { type: 'signOut' }
  | { type: 'getSession' }
  | { type: 'myWork' }
  /** A tRPC call from an extension page, run by the background (see background-link.ts). */
  | { type: 'rpc'; kind: 'query' | 'mutation'; path: string; input: unknown };

export type RpcResult = { ok: true; data: unknown } | { ok: false; message: string; code: string };

/** The popup's lists: what I hold or was given, and my departments' open queue by due time. */
export interface MyWork {
  mine: ThreadView[];
  queue: ThreadView[];
  /** Server clock when online; the cache's age shows otherwise. */
  now: number;
  fromCache: boolean;
}

/** Sent by the background to open extension pages (options, popup) when the session changes. */
export interface SessionChanged {
  type: 'sessionChanged';
  session: SessionInfo;
}

export type SignInResult =
  | { ok: true; session: SessionInfo }
  | { ok: false; error: string; reason: 'unreachable' | 'refused' | 'invalid' };
