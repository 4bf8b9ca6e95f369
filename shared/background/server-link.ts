import { createTRPCClient, createWSClient, httpLink, TRPCClientError, wsLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/app-router.ts';

export type ServerClient = TRPCClient<AppRouter>;

export interface ServerLink {
  client: ServerClient;
  close(): void;
}

/** Reconnect after 0.5 s, 1 s, 2 s … up to 15 s, with jitter so a restarted server is not stampeded. */
export function backoffMs(attempt: number): number {
  const base = Math.min(500 * 2 ** attempt, 15_000);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** Calls one WebSocket frame carries at most; the server refuses a frame of more than 50 whole. */
export const CALLS_PER_FRAME = 25;

/**
 * tRPC's wsLink sends every call queued in one turn (or while the socket was opening) as one
 * frame; this WebSocket sends such a batch as frames of at most CALLS_PER_FRAME calls instead.
 */
function framesOfAtMost(max: number): typeof WebSocket {
  return class FramedWebSocket extends WebSocket {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      if (typeof data !== 'string' || !data.startsWith('[')) return super.send(data);
      const calls = JSON.parse(data) as unknown[];
      if (calls.length <= max) return super.send(data);
      for (let i = 0; i < calls.length; i += max)
        super.send(JSON.stringify(calls.slice(i, i + max)));
    }
  };
}

/**
 * The background's one connection: every call and the event stream over one WebSocket, which
 * reconnects by itself. Pings every 20 s keep it (and the MV3 service worker) alive.
 */
export function openServerLink(
  serverUrl: string,
  token: string,
  on: { open(): void; close(cause: string): void },
): ServerLink {
  const ws = createWSClient({
    url: `${serverUrl.replace(/^http/i, 'ws')}/trpc`,
    connectionParams: () => ({ token }),
    keepAlive: { enabled: true, intervalMs: 20_000, pongTimeoutMs: 10_000 },
    retryDelayMs: backoffMs,
    onOpen: on.open,
    onClose: (cause) => on.close(cause ? `closed (${cause.code})` : 'closed'),
    WebSocket: framesOfAtMost(CALLS_PER_FRAME),
  });
  return {
    client: createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] }),
    close: () => void ws.close(),
  };
}

/** A one-off HTTP client, for checking a token before connecting with it. */
export function httpServerClient(serverUrl: string, token: string): ServerClient {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${serverUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
}

/** The server refused the call (it has a tRPC code), as opposed to not being reached at all. */
export function serverCode(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    return code ?? null;
  }
  return null;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
