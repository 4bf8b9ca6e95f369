import { create } from 'zustand';
import type { RoutingRule } from '../../shared/domain/schemas/index.ts';
import { errorText, server } from './server-client.ts';

interface RulesState {
  rules: RoutingRule[];
  loaded: boolean;
  error: string | null;
  message: string | null;
  load(): Promise<void>;
  /** Runs a change, then reads the list again (positions are the server's to assign). */
  change(done: string, fn: () => Promise<unknown>): Promise<boolean>;
  move(index: number, by: -1 | 1): Promise<boolean>;
}

export const useRules = create<RulesState>((set, get) => ({
  rules: [],
  loaded: false,
  error: null,
  message: null,
  async load() {
    try {
      const rules = await server.rules.list.query();
      set({ rules: [...rules].sort((a, b) => a.position - b.position), loaded: true });
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
  async change(done, fn) {
    let ok = true;
    try {
      await fn();
      set({ error: null, message: done });
    } catch (e) {
      set({ error: errorText(e), message: null });
      ok = false;
    }
    await get().load();
    return ok;
  },
  move(index, by) {
    const ids = get().rules.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    if (id === undefined) return Promise.resolve(false);
    ids.splice(index + by, 0, id);
    return get().change('Order saved', () => server.rules.reorder.mutate({ ids }));
  },
}));
