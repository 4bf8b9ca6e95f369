import { TRPCClientError } from '@trpc/client';
import { sleep } from './harness.ts';
import type { memberSocket } from './event-collector.ts';

type Socket = ReturnType<typeof memberSocket>['client'];

/** A write the way the extension's outbox makes it: a client-made id that goes with every try. */
export type StormWrite =
  | { procedure: 'claims.acquire'; postKey: string; leaseMs: number }
  | { procedure: 'claims.release'; postKey: string; token: number }
  | {
      procedure: 'threads.assign';
      postKey: string;
      departmentId?: string;
      assigneeId?: string | null;
    };

export interface Settled {
  write: StormWrite;
  clientMutationId: string;
  /** 'ok' with the answer, or 'refused' with the tRPC code (CONFLICT, FORBIDDEN, …). */
  outcome: { ok: true; value: unknown } | { ok: false; code: string };
  /** How many times it was sent again after an answer that did not say whether it applied. */
  replays: number;
  /** Answers of those that were internal errors (a bug: the test expects none). */
  internalErrors: number;
}

// Answers that say the write may or may not have happened: the socket closed under it, or the
// instance lost its database. Everything else is definite.
const UNKNOWN = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

/**
 * Sends a write until it gets a definite answer, always with the same client mutation id, as the
 * outbox replays after a reconnect; the server must apply it once however often it is sent.
 */
export async function sendUntilDefinite(
  client: Socket,
  clientMutationId: string,
  write: StormWrite,
): Promise<Settled> {
  let internalErrors = 0;
  for (let replays = 0; ; replays++) {
    try {
      const value = await send(client, clientMutationId, write);
      return { write, clientMutationId, outcome: { ok: true, value }, replays, internalErrors };
    } catch (e) {
      if (!(e instanceof TRPCClientError)) throw e;
      const code = (e.data as { code?: string } | undefined)?.code;
      if (code === 'INTERNAL_SERVER_ERROR') internalErrors++;
      if (code && !UNKNOWN.has(code))
        return { write, clientMutationId, outcome: { ok: false, code }, replays, internalErrors };
      if (replays > 2_000) throw new Error(`${write.procedure} never got an answer: ${e.message}`);
      await sleep(50);
    }
  }
}

function send(client: Socket, clientMutationId: string, write: StormWrite): Promise<unknown> {
  switch (write.procedure) {
    case 'claims.acquire':
      return client.claims.acquire.mutate({
        postKey: write.postKey,
        leaseMs: write.leaseMs,
        clientMutationId,
      });
    case 'claims.release':
      return client.claims.release.mutate({
        postKey: write.postKey,
        token: write.token,
        clientMutationId,
      });
    case 'threads.assign':
      return client.threads.assign.mutate({
        postKey: write.postKey,
        departmentId: write.departmentId,
        assigneeId: write.assigneeId,
        clientMutationId,
      });
  }
}
