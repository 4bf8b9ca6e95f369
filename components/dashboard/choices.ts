import type {
  Department,
  Member,
  Platform,
  ThreadStatus,
} from '../../shared/domain/schemas/index.ts';
import { zBuyingStage, zPlatform, zThreadStatus } from '../../shared/domain/schemas/index.ts';

/** One entry of a <Select>: the value it stands for and what the lead reads. */
export interface Choice<T extends string | number> {
  value: T;
  label: string;
}

export const platformName = { x: 'X', linkedin: 'LinkedIn', facebook: 'Facebook' } as const;

export const platformChoices: Choice<Platform>[] = zPlatform.options.map((p) => ({
  value: p,
  label: platformName[p],
}));

export const statusChoices: Choice<ThreadStatus>[] = zThreadStatus.options.map((s) => ({
  value: s,
  label: s[0]!.toUpperCase() + s.slice(1),
}));

export const stageChoices = zBuyingStage.options.map((s) => ({ value: s, label: s }));

export const departmentChoices = (departments: readonly Department[]): Choice<string>[] =>
  departments.map((d) => ({ value: d.id, label: d.name }));

export const memberChoices = (members: readonly Member[]): Choice<string>[] =>
  members.map((m) => ({ value: m.id, label: m.name }));
