import { createTRPCClient, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import { backgroundLink } from '../../shared/messaging/background-link.ts';

/** The dashboard's typed client; every call goes through the background's one connection. */
export const server = createTRPCClient<AppRouter>({ links: [backgroundLink()] });

export function errorText(e: unknown): string {
  if (e instanceof TRPCClientError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
