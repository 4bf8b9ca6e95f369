import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries: one room per world (README, "Layout"). A room is named by its path from the
// top and matched however many `../` lead there, also from a sibling room inside shared/
// (`../background/…` from shared/overlay). Relative paths only: `@trpc/server` is not `server/`.
const ups = ['../', '../../', '../../../', '../../../../'];
const room = (name) =>
  [...new Set([name, name.replace(/^shared\//, '')])].flatMap((path) =>
    ups.flatMap((up) => [`${up}${path}`, `${up}${path}/**`]),
  );
const extensionApis = ['wxt', 'wxt/**', '@wxt-dev/**', 'webextension-polyfill', 'dexie'];
const react = ['react', 'react/**', 'react-dom', 'react-dom/**', 'sonner', '@tanstack/**'];
const uiOrPages = [...room('components'), ...room('entrypoints')];
const extensionRooms = [
  ...room('shared/sites'),
  ...room('shared/overlay'),
  ...room('shared/background'),
  ...room('shared/messaging'),
];

/** The extension may import `type { AppRouter }` from the server (DESIGN.md), nothing else. */
const serverTypesOnly = {
  group: room('server'),
  message: 'The extension imports only `type { AppRouter }` from the server.',
  allowTypeImports: true,
};

/** What each room may not import; a file matches one entry (flat config replaces a rule). */
const boundaries = [
  {
    files: ['server/**'],
    patterns: [
      {
        group: [...extensionRooms, ...uiOrPages, ...extensionApis, ...react],
        message: 'The server imports only shared/domain from the extension side.',
      },
    ],
  },
  {
    files: ['shared/domain/**'],
    patterns: [
      {
        group: [
          ...extensionRooms,
          ...uiOrPages,
          ...room('server'),
          ...extensionApis,
          ...react,
          'node:*',
        ],
        message:
          'shared/domain runs on the server and in the extension: no DOM, wxt, React or Node.',
      },
    ],
  },
  {
    files: ['shared/sites/**'],
    ignores: ['**/*.test.ts'],
    patterns: [
      {
        group: [
          ...room('shared/overlay'),
          ...room('shared/background'),
          ...room('shared/messaging'),
          ...uiOrPages,
          ...room('server'),
          ...extensionApis,
          ...react,
          'node:*',
        ],
        message: 'Site adapters are pure DOM readers over shared/domain: no extension API, no UI.',
      },
    ],
  },
  {
    files: ['shared/overlay/**'],
    patterns: [
      {
        group: [...room('shared/background'), ...uiOrPages, ...room('server'), ...react, 'dexie'],
        message:
          'shared/overlay is the content-script runtime without React; it reaches the background by messages only.',
      },
    ],
  },
  {
    files: ['shared/background/**', 'shared/messaging/**'],
    patterns: [
      {
        group: [...room('shared/overlay'), ...uiOrPages, ...react],
        message: 'The background and the messages have no UI.',
      },
      serverTypesOnly,
    ],
  },
  { files: ['components/**', 'entrypoints/**'], patterns: [serverTypesOnly] },
].map(({ patterns, ...where }) => ({
  ...where,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
}));

/**
 * No HTML from strings: everything the extension shows comes from the sites (post text, author
 * names) or the server (member, department and note text), and a string parsed as HTML would run
 * whatever markup it carries. Text goes in as text (React children, textContent). Eval and
 * friends are out too: the extension runs no code it did not ship (no remote code).
 */
const htmlSinks = [
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'createContextualFragment',
  'setHTMLUnsafe',
  'srcdoc',
];
const noHtmlFromStrings = {
  files: ['entrypoints/**', 'components/**', 'shared/**', 'server/**'],
  // Tests build the sites' own pages from fixtures: they play the site, not the extension.
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'no-restricted-properties': [
      'error',
      ...htmlSinks.map((property) => ({
        property,
        message: `${property} parses a string as HTML: render text (React children, textContent) instead.`,
      })),
      ...['write', 'writeln'].map((property) => ({
        object: 'document',
        property,
        message: 'document.write parses a string as HTML: render text instead.',
      })),
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
        message: 'dangerouslySetInnerHTML renders a string as HTML: render text instead.',
      },
    ],
    'no-eval': 'error',
    'no-implied-eval': 'error',
    'no-new-func': 'error',
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.output',
      '.wxt',
      'data',
      'tests/artifacts',
      'demo-output',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...boundaries,
  noHtmlFromStrings,
  {
    files: ['shared/domain/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'navigator', 'chrome', 'browser', 'localStorage'].map((name) => ({
          name,
          message: 'shared/domain runs on the server too: no DOM or extension globals.',
        })),
      ],
    },
  },
);
