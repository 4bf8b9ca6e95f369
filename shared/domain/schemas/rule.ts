import { z } from 'zod';
import { zId } from './org.ts';
import { zPlatform } from './post.ts';
import { zString } from './text.ts';

export const zBuyingStage = z.enum(['pre-purchase', 'purchase', 'post-purchase']);
export type BuyingStage = z.infer<typeof zBuyingStage>;

export const zRuleInput = z.object({
  name: zString().min(1).max(120),
  platform: zPlatform.nullable().default(null),
  keywords: z.array(zString().min(1).max(80)).max(50).default([]),
  regex: zString().max(300).nullable().default(null),
  authors: z.array(zString().min(1).max(80)).max(100).default([]),
  stage: zBuyingStage.nullable().default(null),
  departmentId: zId,
  mode: z.enum(['suggest', 'auto']).default('suggest'),
  enabled: z.boolean().default(true),
});
export type RuleInput = z.input<typeof zRuleInput>;

export const zRoutingRule = zRuleInput.extend({ id: zId, position: z.number().int() });
export type RoutingRule = z.infer<typeof zRoutingRule>;
