import type { Department } from '../domain/schemas/org.ts';
import { watchMatcher } from '../domain/watch-phrases.ts';
import type { WatchMatcher } from '../domain/watch-phrases.ts';
import type { WatchHit } from '../messaging/protocol.ts';
import type { BackgroundContext } from './background-context.ts';

/** Departments (their watch phrases and guidelines) are read again at most this often. */
export const DEPARTMENTS_FRESH_MS = 60_000;

/**
 * Which watch phrases a reply being typed contains. Here rather than in the tab: the phrases run
 * on RE2 (linear time, shared/domain/linear-regex.ts), whose engine the content script's size
 * budget cannot carry; a check is one message on the tab's port. The draft is never stored.
 */
export class WatchCheck {
  private matcher: WatchMatcher = () => [];
  private compiledFor: readonly Department[] | null = null;
  private refreshedAt = 0;

  constructor(private readonly ctx: BackgroundContext) {}

  /** The post's department's phrases; an unrouted post is held to the member's departments'. */
  async check(postKey: string, text: string): Promise<WatchHit[]> {
    void this.refreshDepartments();
    const me = this.ctx.session.me;
    if (!me || !text.trim()) return [];
    const view = await this.ctx.db.views.get(postKey);
    const concerned = view?.thread.departmentId ? [view.thread.departmentId] : me.departmentIds;
    return this.matcherFor(this.ctx.session.departments)(text).filter((h) =>
      concerned.includes(h.departmentId),
    );
  }

  private matcherFor(departments: readonly Department[]): WatchMatcher {
    if (departments !== this.compiledFor) {
      this.matcher = watchMatcher(departments);
      this.compiledFor = departments;
    }
    return this.matcher;
  }

  /**
   * A lead may have changed the phrases or guidelines since this session began: someone starting
   * a reply reads them again (at most once a minute), and every tab gets them with the session.
   */
  private async refreshDepartments() {
    const client = this.ctx.client();
    const now = this.ctx.now();
    if (!client || now - this.refreshedAt < DEPARTMENTS_FRESH_MS) return;
    this.refreshedAt = now;
    const departments = await client.departments.list.query().catch(() => null);
    if (!departments || this.ctx.client() !== client) return;
    if (JSON.stringify(departments) === JSON.stringify(this.ctx.session.departments)) return;
    const { db } = this.ctx;
    await db.transaction('rw', db.departments, async () => {
      await db.departments.clear();
      await db.departments.bulkPut(departments);
    });
    this.ctx.session.set({ departments });
  }
}
