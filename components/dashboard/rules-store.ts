import { useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import type { RoutingRule } from '../../shared/domain/schemas/index.ts';
import { errorText, queryClient, server, trpc } from './server-client.ts';

const byPosition = (rules: RoutingRule[]) => [...rules].sort((a, b) => a.position - b.position);
const listKey = () => trpc.rules.list.queryKey();

/** The organisation's routing rules in the order they are tried. */
export function useRuleList() {
  const query = useQuery(trpc.rules.list.queryOptions(undefined, { select: byPosition }));
  return { rules: query.data ?? [], loaded: query.isSuccess, loadError: query.error };
}

interface RulesState {
  error: string | null;
  message: string | null;
  /** Runs a change, then reads the list again (positions are the server's to assign). */
  change(done: string, fn: () => Promise<unknown>): Promise<boolean>;
  move(index: number, by: -1 | 1): Promise<boolean>;
}

/** What the lead did to the rules, and how it went. */
export const useRules = create<RulesState>((set, get) => ({
  error: null,
  message: null,
  async change(done, fn) {
    let ok = true;
    try {
      await fn();
      set({ error: null, message: done });
    } catch (e) {
      set({ error: errorText(e), message: null });
      ok = false;
    }
    await queryClient.invalidateQueries({ queryKey: listKey() });
    return ok;
  },
  move(index, by) {
    const ids = byPosition(queryClient.getQueryData(listKey()) ?? []).map((r) => r.id);
    const [id] = ids.splice(index, 1);
    if (id === undefined) return Promise.resolve(false);
    ids.splice(index + by, 0, id);
    return get().change('Order saved', () => server.rules.reorder.mutate({ ids }));
  },
}));
