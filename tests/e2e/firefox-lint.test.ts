import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR } from './support/firefox.ts';

const webExt = fileURLToPath(new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url));

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

// What addons.mozilla.org runs on a submission (addons-linter, through web-ext): no errors, and
// the add-on id and data-collection declaration new add-ons must carry are there.
describe('the Firefox build passes web-ext lint', () => {
  it('has no errors and declares its id and data collection', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [webExt, 'lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-input'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' })); // exits 1 on errors
    const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
    expect(report.errors).toEqual([]);
    const codes = report.warnings.map((w) => w.code);
    expect(codes).not.toContain('MISSING_DATA_COLLECTION_PERMISSIONS');
    expect(codes).not.toContain('MISSING_ADDON_ID');
    // React's own innerHTML path (dangerouslySetInnerHTML, never used here) is all that is left.
    expect(new Set(codes)).toEqual(new Set(['UNSAFE_VAR_ASSIGNMENT']));
  }, 120_000);
});
