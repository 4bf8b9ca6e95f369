import type { BackgroundToContent } from '../messaging/protocol.ts';
import type { BackgroundContext } from './background-context.ts';
import { errorMessage } from './server-link.ts';

type StoryAnswer = Extract<BackgroundToContent, { type: 'story' }>;

/**
 * A thread panel opened: its notes, consults and timeline come from the server when asked, never
 * pushed to every badge (most panels are never opened). The view that comes with it refreshes
 * the cache and the badge too.
 */
export async function answerStory(
  ctx: BackgroundContext,
  requestId: string,
  postKey: string,
): Promise<StoryAnswer> {
  const client = ctx.client();
  if (!client)
    return {
      type: 'story',
      requestId,
      error: 'Switchboard is offline: notes and the timeline come back with the connection.',
    };
  try {
    return await ctx.lookups.lookUp(
      () => client.threads.story.query({ postKey }),
      async (story, store): Promise<StoryAnswer> => {
        if (await ctx.db.views.get(postKey)) ctx.showViews(await store([story.view]));
        return { type: 'story', requestId, story };
      },
    );
  } catch (e) {
    return { type: 'story', requestId, error: errorMessage(e) };
  }
}
