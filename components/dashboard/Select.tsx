import type { SelectHTMLAttributes } from 'react';
import type { Choice } from './choices.ts';

type Props<T extends string | number> = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'children'
> & {
  value: T;
  options: readonly Choice<T>[];
  /** Called with the chosen option's own value (a number stays a number). */
  onChange(value: T): void;
};

/** The dashboard's option lists: a native <select> (keyboard, screen readers, forms) over typed choices. */
export function Select<T extends string | number>({
  value,
  options,
  onChange,
  ...attrs
}: Props<T>) {
  return (
    <select
      {...attrs}
      value={String(value)}
      onChange={(e) => {
        const chosen = options.find((o) => String(o.value) === e.target.value);
        if (chosen) onChange(chosen.value);
      }}
    >
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
