import type { ExtensionRequest, MyWork, RpcResult, SessionInfo } from '../messaging/protocol.ts';
import type { SignInResult } from '../messaging/protocol.ts';
import { loadMyWork } from './my-work.ts';
import { relayRpc } from './rpc-relay.ts';
import { signIn, signOut } from './sign-in.ts';
import type { Background } from './start-background.ts';

type Answer = SignInResult | SessionInfo | MyWork | RpcResult | null;

/**
 * Answers the extension's own pages (options, popup, dashboard): sign-in, the session, my work,
 * and tRPC calls relayed over the background's connection (pages never reach the network).
 */
export function answerPage(
  { ctx, connection }: Background,
  msg: ExtensionRequest,
): Promise<Answer> {
  switch (msg.type) {
    case 'signIn':
      return signIn(ctx, connection, msg.serverUrl, msg.token);
    case 'signOut':
      return signOut(ctx, connection).then(() => ctx.session.get());
    case 'getSession':
      return Promise.resolve(ctx.session.get());
    case 'myWork': {
      const me = ctx.session.me;
      return me ? loadMyWork(ctx.client(), ctx.db, me) : Promise.resolve(null);
    }
    case 'rpc':
      return relayRpc(ctx.client(), msg.kind, msg.path, msg.input);
  }
}
