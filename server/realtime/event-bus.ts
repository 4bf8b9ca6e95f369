type Listener = () => void;

/**
 * In-process wake-ups per organisation. A wake carries no event: streams read the log after
 * their own cursor, so a missed or doubled wake costs a query, never an event.
 */
export class EventBus {
  private listeners = new Map<string, Set<Listener>>();

  subscribe(orgId: string, listener: Listener): () => void {
    let set = this.listeners.get(orgId);
    if (!set) this.listeners.set(orgId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(orgId);
    };
  }

  wake(orgId: string): void {
    for (const listener of this.listeners.get(orgId) ?? []) listener();
  }

  wakeAll(): void {
    for (const orgId of this.listeners.keys()) this.wake(orgId);
  }

  get subscriberCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
