import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { getWSConnectionHandler, jsonEncoder } from '@trpc/server/adapters/ws';
import { appRouter } from './trpc/app-router.ts';
import { createContext } from './trpc/context.ts';
import type { ServerDeps } from './services/deps.ts';
import { sweepExpiredClaims } from './services/claim-sweeper.ts';
import { sharedEventEncoder } from './realtime/shared-encoder.ts';
import { StreamSocket } from './realtime/stream-socket.ts';
import { isDatabaseUnavailable } from './db/availability.ts';
import { TRPCError } from '@trpc/server';
import type { Socket } from 'node:net';
import { Admission, connectionAdmission } from './limits/admission.ts';
import type { CallAdmission } from './limits/admission.ts';
import { framesLimitedTo } from './limits/frame-guard.ts';
import { DEFAULT_LIMITS } from './limits/limits.ts';
import type { Limits } from './limits/limits.ts';

export interface ListenOptions {
  port: number;
  host?: string;
  /** Web origins allowed besides extension pages (chrome-extension://, moz-extension://). */
  allowedOrigins?: readonly string[];
  /** How often expired claims are swept and announced. */
  sweepMs?: number;
  /** Calls per batch, calls a second per connection and per token, connections per token. */
  limits?: Limits;
}

const MAX_BODY = 1024 * 1024;

export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  // Non-browser clients (CLI, tests, other services) send no Origin; a web page always does.
  if (!origin) return true;
  if (/^(chrome|moz|safari-web)-extension:\/\//.test(origin)) return true;
  return allowed.includes(origin);
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** tRPC over HTTP and WebSocket at /trpc on one port, plus /health. */
export async function listen(deps: ServerDeps, options: ListenOptions) {
  const allowed = options.allowedOrigins ?? [];
  const limits = options.limits ?? DEFAULT_LIMITS;
  const admission = new Admission(limits);
  // HTTP: a keep-alive socket is one connection, its requests share its rate.
  const httpConnections = new WeakMap<Socket, CallAdmission>();
  const trpcHttp = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY,
    maxBatchSize: limits.batch,
    createContext: ({ req }) => {
      let admit = httpConnections.get(req.socket);
      if (!admit) httpConnections.set(req.socket, (admit = connectionAdmission(admission)));
      return createContext(deps, bearer(req.headers.authorization), null, admit);
    },
  });
  const server = http.createServer((req, res) => {
    const origin = req.headers.origin;
    if (!originAllowed(origin, allowed)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end(`origin ${origin} is not allowed`);
      return;
    }
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-headers', 'authorization, content-type, trpc-accept');
      res.setHeader('vary', 'origin');
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.url === '/health' || req.url === '/ready') return void health(req.url, res);
    if (req.url?.startsWith('/trpc/')) return trpcHttp(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: tRPC is served at /trpc');
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BODY,
    // A frame batching more calls than limits.batch is refused whole (frame-guard.ts).
    WebSocket: framesLimitedTo(limits.batch),
  });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/trpc' || !originAllowed(req.headers.origin, allowed)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  // One JSON text per event however many subscribers it goes to (streams that yield through tRPC).
  const encoder = sharedEventEncoder();
  wss.on('connection', (ws, req) => {
    // tRPC's adapter per connection, with an encoder of its own: event streams on this socket
    // learn their subscription id through it and write their events directly (stream-socket.ts).
    const socket = new StreamSocket(ws, encoder);
    getWSConnectionHandler({
      wss,
      router: appRouter,
      keepAlive: { enabled: true, pingMs: 20_000, pongWaitMs: 10_000 },
      experimental_encoder: socket.encoder,
      createContext: ({ info }) => {
        const raw = info.connectionParams?.token;
        const token = typeof raw === 'string' ? raw : null;
        if (token) {
          // tRPC answers a refused context with this error and closes the socket.
          const opened = admission.openConnection(token);
          if (typeof opened === 'string')
            throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: opened });
          ws.once('close', opened.release);
        }
        return createContext(deps, token, socket, connectionAdmission(admission));
      },
    })(ws, req);
  });
  const reconnectNotification = jsonEncoder.encode({ id: null, method: 'reconnect' });

  /**
   * /health: the process answers (liveness), with the database's state. /ready: 503 while the
   * database cannot be reached, so a load balancer sends requests to instances that can serve.
   */
  const health = (url: string, res: http.ServerResponse) => {
    const up = deps.store.availability.isUp;
    const status = url === '/ready' && !up ? 503 : 200;
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok: status === 200, database: up ? 'up' : 'unavailable' }));
  };

  let sweeping = false;
  const sweeper = setInterval(() => {
    // One sweep at a time; none while the database is away (the listener says when it is back).
    if (sweeping || !deps.store.availability.isUp) return;
    sweeping = true;
    sweepExpiredClaims(deps)
      .catch((e: unknown) => {
        if (!isDatabaseUnavailable(e)) console.error('claim sweep failed:', e);
      })
      .finally(() => (sweeping = false));
  }, options.sweepMs ?? 2_000);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    /** Stops taking connections, closes sockets, then lets the caller close the database. */
    async close() {
      clearInterval(sweeper);
      for (const ws of wss.clients) {
        ws.send(reconnectNotification);
        ws.close(1001, 'server shutting down');
      }
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
