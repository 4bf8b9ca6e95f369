import type { ThreadStory } from '../../shared/domain/schemas/index.ts';
import { describeStep } from '../../shared/domain/story-text.ts';
import type { StoryNames } from '../../shared/domain/story-text.ts';
import { storyTime } from './story-time.ts';

/** Every step of the thread from the event log, with who and when. */
export function StoryTimeline({ story, names }: { story: ThreadStory; names: StoryNames }) {
  return (
    <ol className="sb-timeline" aria-label="Timeline">
      {story.timeline.map((step) => (
        <li key={step.eventId} className={`sb-step sb-step-${step.type.replace('.', '-')}`}>
          <time dateTime={new Date(step.at).toISOString()}>{storyTime(step.at, story.now)}</time>
          <span>{describeStep(step, names)}</span>
          {step.reply && (
            <blockquote className="sb-step-reply" aria-label="The reply as sent">
              {step.reply.text}
            </blockquote>
          )}
        </li>
      ))}
    </ol>
  );
}
