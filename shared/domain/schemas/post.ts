import { z } from 'zod';
import { postUrlRefusal } from '../post-url.ts';
import { zString } from './text.ts';

export const zPlatform = z.enum(['x', 'linkedin', 'facebook']);
export type Platform = z.infer<typeof zPlatform>;

/** `platform:nativeId`; the native id is the site's own id, or `h:<hash>` when the page has none. */
export const zPostKey = zString()
  .min(3)
  .max(300)
  .regex(/^(x|linkedin|facebook):\S+$/, 'a post key is "platform:nativeId"');

export const zPostRef = z
  .object({
    key: zPostKey,
    platform: zPlatform,
    nativeId: zString().min(1).max(280),
    url: zString().max(2000),
    author: z.object({ handle: zString().max(200), name: zString().max(200) }),
    text: zString().max(500),
    postedAt: zString().datetime().optional(),
    /** Set by an adapter for promoted posts it was asked to keep. */
    ad: z.boolean().optional(),
  })
  .refine((p) => p.key === `${p.platform}:${p.nativeId}`, {
    message: 'key must be platform + ":" + nativeId',
    path: ['key'],
  })
  .superRefine((p, ctx) => {
    const refused = postUrlRefusal(p.platform, p.url);
    if (refused) ctx.addIssue({ code: 'custom', message: refused, path: ['url'] });
  });
export type PostRef = z.infer<typeof zPostRef>;
