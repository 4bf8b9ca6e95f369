import { storage } from 'wxt/utils/storage';
import type { StorageItemKey } from 'wxt/utils/storage';
import type { z } from 'zod';

/** A WXT storage item whose value is a zod schema's: what is read is checked, never trusted. */
export interface CheckedItem<T> {
  /** The stored value, or the fallback when there is none or it does not fit the schema. */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with each new value (checked like getValue); returns the unwatch function. */
  watch(cb: (value: T) => void): () => void;
}

/**
 * Storage written by an older version, another extension page mid-update or a hand in DevTools
 * may not fit today's schema: it reads as the fallback instead of breaking the background.
 */
export function defineCheckedItem<T>(
  key: StorageItemKey,
  schema: z.ZodType<T>,
  fallback: T,
): CheckedItem<T> {
  const item = storage.defineItem<unknown>(key);
  const check = (raw: unknown): T => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fallback;
  };
  return {
    getValue: async () => check(await item.getValue()),
    setValue: async (value) => item.setValue(schema.parse(value)),
    removeValue: () => item.removeValue(),
    watch: (cb) => item.watch((raw) => cb(check(raw))),
  };
}
