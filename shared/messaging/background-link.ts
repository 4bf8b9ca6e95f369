import { TRPCClientError } from '@trpc/client';
import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import { requestRpc } from './extension-requests.ts';

/**
 * A tRPC link for extension pages (popup, dashboard) that sends each call to the background,
 * which runs it over its one WebSocket: pages get the typed client, the background stays the
 * only network client. Subscriptions are not carried (pages get pushes as messages).
 */
export function backgroundLink(): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.type === 'subscription') {
          observer.error(new TRPCClientError('subscriptions run in the background only'));
          return;
        }
        requestRpc(op.type, op.path, op.input).then(
          (res) => {
            if (res.ok) {
              observer.next({ result: { type: 'data', data: res.data } });
              observer.complete();
            } else {
              observer.error(
                new TRPCClientError(res.message, {
                  result: {
                    error: { message: res.message, code: -32000, data: { code: res.code } },
                  } as never,
                }),
              );
            }
          },
          (e: unknown) => observer.error(TRPCClientError.from(e as Error)),
        );
      });
}
