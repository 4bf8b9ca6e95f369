import type { PostRef } from '../domain/schemas/post.ts';

export interface KeyChange {
  /** The first element on the page showing this post: tell the background to observe it. */
  observe?: PostRef;
  /** The last element showing this key is gone: tell the background to unobserve it. */
  unobserve?: string;
}

/**
 * Which post each annotated element shows, counted by key: one post can appear in two elements
 * (a reshare and its original), and the background hears only the first arrival and last exit.
 */
export function createPostRegistry() {
  const byElement = new Map<Element, PostRef>();
  const counts = new Map<string, number>();

  const release = (key: string): string | undefined => {
    const n = (counts.get(key) ?? 0) - 1;
    if (n > 0) counts.set(key, n);
    else counts.delete(key);
    return n > 0 ? undefined : key;
  };

  return {
    set(el: Element, post: PostRef): KeyChange {
      const previous = byElement.get(el);
      byElement.set(el, post);
      if (previous?.key === post.key) return {};
      const n = counts.get(post.key) ?? 0;
      counts.set(post.key, n + 1);
      return {
        observe: n === 0 ? post : undefined,
        unobserve: previous ? release(previous.key) : undefined,
      };
    },
    delete(el: Element): KeyChange {
      const previous = byElement.get(el);
      if (!previous) return {};
      byElement.delete(el);
      return { unobserve: release(previous.key) };
    },
    /** One ref per key: what a reconnected background must be told again. */
    posts(): PostRef[] {
      const seen = new Map<string, PostRef>();
      for (const post of byElement.values()) seen.set(post.key, post);
      return [...seen.values()];
    },
  };
}
