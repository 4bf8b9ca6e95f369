import type { Department } from '../domain/schemas/org.ts';
import { watchMatcher } from '../domain/watch-phrases.ts';
import type { WatchMatcher } from '../domain/watch-phrases.ts';
import type { WatchHit } from '../messaging/protocol.ts';
import type { BackgroundContext } from './background-context.ts';

/**
 * Which watch phrases a reply being typed contains. Here rather than in the tab: the phrases run
 * on RE2 (linear time, shared/domain/linear-regex.ts), whose engine the content script's size
 * budget cannot carry; a check is one message on the tab's port. The draft is never stored. The
 * phrases are the session's departments', kept current by the event stream (department-sync.ts).
 */
export class WatchCheck {
  private matcher: WatchMatcher = () => [];
  private compiledFor: readonly Department[] | null = null;

  constructor(private readonly ctx: BackgroundContext) {}

  /** The post's department's phrases; an unrouted post is held to the member's departments'. */
  async check(postKey: string, text: string): Promise<WatchHit[]> {
    const me = this.ctx.session.me;
    if (!me || !text.trim()) return [];
    const view = await this.ctx.db.views.get(postKey);
    const concerned = view?.thread.departmentId ? [view.thread.departmentId] : me.departmentIds;
    return this.matcherFor(this.ctx.session.departments)(text).filter((h) =>
      concerned.includes(h.departmentId),
    );
  }

  /** Compiled once per departments list (a new list arrives with each change). */
  private matcherFor(departments: readonly Department[]): WatchMatcher {
    if (departments !== this.compiledFor) {
      this.matcher = watchMatcher(departments);
      this.compiledFor = departments;
    }
    return this.matcher;
  }
}
