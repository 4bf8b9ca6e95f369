import type { RpcResult } from '../messaging/protocol.ts';
import { errorMessage, serverCode } from './server-link.ts';
import type { ServerClient } from './server-link.ts';

type Callable = Record<string, unknown> & {
  query?: (input: unknown) => Promise<unknown>;
  mutate?: (input: unknown) => Promise<unknown>;
};

/** Runs an extension page's tRPC call on the background's client; refuses plainly when offline. */
export async function relayRpc(
  client: ServerClient | null,
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
): Promise<RpcResult> {
  if (!client)
    return {
      ok: false,
      code: 'OFFLINE',
      message: 'Switchboard is offline: the server cannot be reached.',
    };
  if (!/^[a-zA-Z]+\.[a-zA-Z]+$/.test(path))
    return { ok: false, code: 'BAD_REQUEST', message: `no procedure ${path}` };
  const [router, procedure] = path.split('.') as [string, string];
  const target = (client as unknown as Record<string, Record<string, Callable>>)[router]?.[
    procedure
  ];
  const call = kind === 'query' ? target?.query : target?.mutate;
  if (!call) return { ok: false, code: 'NOT_FOUND', message: `no procedure ${path}` };
  try {
    return { ok: true, data: await call(input) };
  } catch (e) {
    return { ok: false, code: serverCode(e) ?? 'OFFLINE', message: errorMessage(e) };
  }
}
