import { useCallback, useRef } from 'react';

type Handlers = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

/**
 * Native listeners through a callback ref: React's own listeners are not attached inside posts'
 * shadow roots (see react-listeners.ts). Handlers may change between renders; the listeners stay.
 */
export function useNativeEvents<T extends HTMLElement>(handlers: Handlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  return useCallback((el: T | null) => {
    if (!el) return;
    const types = Object.keys(latest.current);
    const listener = (event: Event) => {
      const handler = latest.current[event.type as keyof Handlers] as
        ((event: Event) => void) | undefined;
      handler?.(event);
    };
    for (const type of types) el.addEventListener(type, listener);
    return () => {
      for (const type of types) el.removeEventListener(type, listener);
    };
  }, []);
}
