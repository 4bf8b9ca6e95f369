import { zDepartment } from '../domain/schemas/org.ts';
import type { SyncEvent } from '../domain/schemas/event.ts';
import type { BackgroundContext } from './background-context.ts';

/**
 * A department created or changed (its guidelines, watch phrases, colour): cached and sent to
 * every tab with the session at once, so the next reply box shows what the lead just saved.
 */
export async function applyDepartmentChange(ctx: BackgroundContext, event: SyncEvent) {
  const parsed = zDepartment.safeParse(event.data.department);
  if (!parsed.success) return;
  const department = parsed.data;
  await ctx.db.departments.put(department);
  const known = ctx.session.departments;
  const departments = known.some((d) => d.id === department.id)
    ? known.map((d) => (d.id === department.id ? department : d))
    : [...known, department].sort((a, b) => a.name.localeCompare(b.name));
  ctx.session.set({ departments });
}
