import type { DemoBrowsers } from './demo-browsers.ts';
import { Stage } from './stage.ts';
import type { Picture } from './stage.ts';
import { STORY } from './story.ts';
import type { StoryStep } from './story.ts';

/** Walks the story in the two browsers, one picture per step; stops at the first step that fails. */
export async function walkStory(
  cast: DemoBrowsers,
  outDir: string,
  options: { steps?: StoryStep[]; onPicture?(p: Picture): void } = {},
): Promise<Picture[]> {
  const stage = await Stage.open(outDir);
  const pictures: Picture[] = [];
  try {
    for (const [i, step] of (options.steps ?? STORY).entries()) {
      let shots;
      try {
        shots = await step.run(cast);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(`demo step ${i + 1} (${step.name}) failed: ${why}`, { cause: e });
      }
      const picture = await stage.shoot(i + 1, step.name, step.caption, shots);
      pictures.push(picture);
      options.onPicture?.(picture);
    }
  } finally {
    await stage.close();
  }
  return pictures;
}
