import { createTRPCClient, TRPCClientError } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import { backgroundLink } from '../../shared/messaging/background-link.ts';
import { createPageQueryClient } from '../hooks/page-query-client.ts';

/** The dashboard's typed client; every call goes through the background's one connection. */
export const server = createTRPCClient<AppRouter>({ links: [backgroundLink()] });

export const queryClient = createPageQueryClient();

/** Query options and keys for each procedure (`trpc.queue.list.queryOptions(input)`). */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: server, queryClient });

export function errorText(e: unknown): string {
  if (e instanceof TRPCClientError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
