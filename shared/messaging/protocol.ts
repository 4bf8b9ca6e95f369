import type { z } from 'zod';
import type {
  zActionKind,
  zAlert,
  zAlertKind,
  zBackgroundToContent,
  zConnectionState,
  zContentToBackground,
  zExtensionRequest,
  zMyWork,
  zOverlayAction,
  zOverlayView,
  zRpcResult,
  zSessionChanged,
  zSessionInfo,
  zSignInResult,
  zWatchHit,
} from './schemas.ts';

/**
 * Typed messages between a tab's content script and the background over one long-lived port
 * (`browser.runtime.connect({ name: OVERLAY_PORT })`), and between extension pages and the
 * background. The types come from the zod schemas in schemas.ts (type-only here, so the content
 * script carries no zod). Content scripts never reach the server; the background is the only
 * network client.
 */
export const OVERLAY_PORT = 'switchboard-overlay';

export type ConnectionState = z.infer<typeof zConnectionState>;
export type SessionInfo = z.infer<typeof zSessionInfo>;
export type ActionKind = z.infer<typeof zActionKind>;
export type OverlayAction = z.infer<typeof zOverlayAction>;
export type OverlayView = z.infer<typeof zOverlayView>;
export type ContentToBackground = z.infer<typeof zContentToBackground>;
export type BackgroundToContent = z.infer<typeof zBackgroundToContent>;
export type AlertKind = z.infer<typeof zAlertKind>;
export type Alert = z.infer<typeof zAlert>;
export type ExtensionRequest = z.infer<typeof zExtensionRequest>;
export type RpcResult = z.infer<typeof zRpcResult>;
export type MyWork = z.infer<typeof zMyWork>;
export type SessionChanged = z.infer<typeof zSessionChanged>;
export type SignInResult = z.infer<typeof zSignInResult>;
export type WatchHit = z.infer<typeof zWatchHit>;
