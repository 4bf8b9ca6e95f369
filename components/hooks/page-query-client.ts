import { QueryClient } from '@tanstack/react-query';

/**
 * The query cache of an extension page. Every answer is stored under the query it answers (its
 * key holds the input), and a page shows the entry of the query it asks now: an answer to older
 * filters that lands late fills its own entry and never replaces the one on screen.
 */
export function createPageQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A refusal or "offline" from the background is shown at once, not retried in silence.
      queries: { retry: false },
      mutations: { retry: false },
    },
  });
}
