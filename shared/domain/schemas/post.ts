import { z } from 'zod';

export const zPlatform = z.enum(['x', 'linkedin', 'facebook']);
export type Platform = z.infer<typeof zPlatform>;

/** `platform:nativeId`; the native id is the site's own id, or `h:<hash>` when the page has none. */
export const zPostKey = z
  .string()
  .min(3)
  .max(300)
  .regex(/^(x|linkedin|facebook):\S+$/, 'a post key is "platform:nativeId"');

export const zPostRef = z
  .object({
    key: zPostKey,
    platform: zPlatform,
    nativeId: z.string().min(1).max(280),
    url: z.string().url().max(2000),
    author: z.object({ handle: z.string().max(200), name: z.string().max(200) }),
    text: z.string().max(500),
    postedAt: z.string().datetime().optional(),
    /** Set by an adapter for promoted posts it was asked to keep. */
    ad: z.boolean().optional(),
  })
  .refine((p) => p.key === `${p.platform}:${p.nativeId}`, {
    message: 'key must be platform + ":" + nativeId',
    path: ['key'],
  });
export type PostRef = z.infer<typeof zPostRef>;
