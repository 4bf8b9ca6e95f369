import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The rooms' import boundaries (README, "Layout") are ESLint rules; these cases hold the rules
 * themselves, so a config change that silently lets a room reach another fails here, not later.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter(
      (m) =>
        m.ruleId === '@typescript-eslint/no-restricted-imports' ||
        m.ruleId === 'no-restricted-globals',
    )
    .map((m) => m.message);
}

const cases: [file: string, code: string, allowed: boolean][] = [
  ['server/services/x.ts', `import { slaDueAt } from '../../shared/domain/sla.ts';`, true],
  ['server/services/x.ts', `import { observe } from '../../shared/overlay/observe.ts';`, false],
  ['server/services/x.ts', `import { Outbox } from '../../shared/background/outbox.ts';`, false],
  ['server/services/x.ts', `import { xAdapter } from '../../shared/sites/x/adapter.ts';`, false],
  ['server/x.ts', `import { browser } from 'wxt/browser';`, false],
  ['server/x.ts', `import { PopupApp } from '../components/popup/PopupApp.tsx';`, false],
  ['shared/domain/x.ts', `import { useState } from 'react';`, false],
  ['shared/domain/x.ts', `import { browser } from 'wxt/browser';`, false],
  ['shared/domain/x.ts', `import fs from 'node:fs';`, false],
  ['shared/domain/x.ts', `import { appRouter } from '../../server/trpc/app-router.ts';`, false],
  ['shared/domain/x.ts', `export const title = () => document.title;`, false],
  ['shared/domain/x.ts', `import { z } from 'zod';`, true],
  [
    'shared/overlay/x.ts',
    `import { Badge } from '../../components/overlay/OwnershipBadge.tsx';`,
    false,
  ],
  ['shared/overlay/x.ts', `import { Outbox } from '../background/outbox.ts';`, false],
  ['shared/overlay/x.ts', `import { createRoot } from 'react-dom/client';`, false],
  [
    'shared/background/x.ts',
    `import { PopupApp } from '../../components/popup/PopupApp.tsx';`,
    false,
  ],
  ['shared/background/x.ts', `import { appRouter } from '../../server/trpc/app-router.ts';`, false],
  [
    'shared/background/x.ts',
    `import type { AppRouter } from '../../server/trpc/app-router.ts';`,
    true,
  ],
  ['shared/sites/x/x.ts', `import { browser } from 'wxt/browser';`, false],
  ['shared/sites/x/x.ts', `import { postKey } from '../../domain/post-key.ts';`, true],
  ['components/popup/x.tsx', `import { appRouter } from '../../server/trpc/app-router.ts';`, false],
];

describe('import boundaries', () => {
  it.each(cases)('%s: %s', async (file, code, allowed) => {
    const errors = await boundaryErrors(file, `${code}\nexport {};\n`);
    if (allowed) expect(errors).toEqual([]);
    else expect(errors.length).toBeGreaterThan(0);
  });
});
