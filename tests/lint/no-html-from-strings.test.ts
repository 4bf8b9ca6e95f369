import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The lint rule that keeps site and server strings from being parsed as HTML (eslint.config.js,
 * noHtmlFromStrings) fails `npm test` on every sink, in every room of the extension and server.
 */
describe('no HTML from strings', () => {
  const probe = `
export function Probe({ text }: { text: string }) {
  const el = document.createElement('div');
  el.innerHTML = text;
  el.outerHTML = text;
  el.insertAdjacentHTML('beforeend', text);
  document.createRange().createContextualFragment(text);
  document.write(text);
  const run = new Function(text);
  eval(text);
  return <div dangerouslySetInnerHTML={{ __html: text }} onClick={() => run()} />;
}
`;

  it('reports every way of turning a string into markup or code', async () => {
    const eslint = new ESLint({ cwd: root });
    for (const room of ['components/overlay', 'entrypoints/popup', 'shared/overlay', 'server']) {
      const [result] = await eslint.lintText(probe, { filePath: `${root}${room}/probe.tsx` });
      const rules = result!.messages.map((m) => `${m.line}:${m.ruleId}`);
      expect(rules, room).toEqual([
        '4:no-restricted-properties',
        '5:no-restricted-properties',
        '6:no-restricted-properties',
        '7:no-restricted-properties',
        '8:no-restricted-properties',
        '9:no-new-func',
        '10:no-eval',
        '11:no-restricted-syntax',
      ]);
    }
  });

  it('leaves text alone', async () => {
    const eslint = new ESLint({ cwd: root });
    const text = `export function Name({ name }: { name: string }) {
  const el = document.createElement('span');
  el.textContent = name;
  return <span title={name}>{name}</span>;
}
`;
    const [result] = await eslint.lintText(text, {
      filePath: `${root}components/overlay/name.tsx`,
    });
    expect(result!.messages).toEqual([]);
  });
});
