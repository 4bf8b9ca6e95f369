import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

/** A saved page parsed as the adapters' tests read it (no browser, no layout). */
export function fixtureDocument(path: string, wrap?: (html: string) => string): Document {
  const html = fs.readFileSync(path, 'utf8');
  return parseHTML(wrap ? wrap(html) : html).document as unknown as Document;
}

/** The project's own fixtures, and the real X captures kept beside the project. */
export const projectFixture = (rel: string) =>
  fileURLToPath(new URL(`../../tests/fixtures/${rel}`, import.meta.url));
export const capturedX = (file: string) =>
  fileURLToPath(new URL(`../../../shared/fixtures/x/${file}`, import.meta.url));
