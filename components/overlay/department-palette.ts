import type { Department } from '../../shared/domain/schemas/org.ts';

const HEX = /^#[0-9a-fA-F]{6}$/;

/** One class per department, by its place in the session's list: `.sb-c0 { --sb-dept: … }`. */
export function paletteCss(departments: readonly Department[]): string {
  // Only #rrggbb reaches the stylesheet: a colour is data, never CSS to inject.
  return departments
    .map((d, i) => (HEX.test(d.color) ? `.sb-c${i}{--sb-dept:${d.color}}` : ''))
    .join('\n');
}

export function paletteClass(departments: readonly Department[], departmentId: string): string {
  const index = departments.findIndex((d) => d.id === departmentId);
  return index < 0 ? '' : `sb-c${index}`;
}
