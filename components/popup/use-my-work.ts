import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ConnectionState } from '../../shared/messaging/protocol.ts';
import { requestMyWork } from '../../shared/messaging/extension-requests.ts';

/**
 * My threads and my departments' queue, asked again whenever the connection changes (from the
 * cache while offline, from the server once online). Each connection state's answer is its own
 * query: a slow answer from the cache cannot replace the server's that came after it.
 */
export function useMyWork(connection: ConnectionState | undefined) {
  return useQuery({
    queryKey: ['myWork', connection],
    queryFn: requestMyWork,
    enabled: connection !== undefined && connection !== 'signed-out',
    placeholderData: keepPreviousData,
  }).data;
}
