// The house rules as lint. The layers are those of CONTRIBUTING.md:
//   domain   pure logic: imports nothing of ours outside the domain, and no browser API;
//   shared   the message protocol, settings and the one browser wrapper: imports only the domain;
//   background, content, popup, options, devtools (the extension's contexts), and ui (the pages'
//            shared components): no context imports another; the pages may use ui;
//   test support is never imported by product code.
// scripts/lint-rules.test.mjs plants a violation of each rule and checks that lint catches it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const LAYERS = ['domain', 'shared', 'background', 'content', 'popup', 'options', 'devtools', 'ui'];

/** Test-only code: what a product file must never import. */
const TEST_SUPPORT = {
  regex: String.raw`(^|/)test-support(/|$)|^(@webext-core/fake-browser|fast-check|@testing-library/.*|vitest)(/.*)?$`,
  message: 'Product code never imports test support (test-support/, fakes, fast-check, testing-library, vitest).',
};

/** An import of one of our layers, by folder name in a relative path. */
function layerImport(layer, message) {
  return { regex: String.raw`^\.{1,2}/(\.\./)*(${layer})(/|$)`, message };
}

/** `no-restricted-imports` for a folder of src/: the layers it must not import, and test support. */
function boundary(folder, forbidden, message, extra = {}) {
  const isTestFile = ['src/**/*.test.{ts,tsx}', 'src/**/*.bench.ts', 'src/test-support/**'];
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: isTestFile,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: extra.paths ?? [],
          patterns: [...(forbidden.length > 0 ? [layerImport(forbidden.join('|'), message)] : []), TEST_SUPPORT],
        },
      ],
      ...extra.rules,
    },
  };
}

const others = (...allowed) => LAYERS.filter((layer) => !allowed.includes(layer));

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'artifacts/', 'release/', 'node_modules/', 'src/domain/office-directory.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A switch over a union (a finding code, a failure code, a message type) must name every case.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  {
    // Functions the tests and the bench hand to page.evaluate run in the browser page, not in Node.
    files: ['test/**/*.ts', 'demo/**/*.mjs', 'scripts/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The bench's blank page (bench/blank.html) runs in the browser only.
    files: ['bench/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  boundary('domain', others('domain'), 'The domain is pure: it imports nothing of ours outside src/domain.', {
    paths: [{ name: 'webextension-polyfill', message: 'The domain uses no browser API.' }],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'The domain uses no browser API.' },
        { name: 'browser', message: 'The domain uses no browser API.' },
      ],
    },
  }),
  boundary('shared', others('domain', 'shared'), 'shared/ imports only the domain.'),
  boundary(
    'background',
    others('domain', 'shared', 'background'),
    'No context imports another: the background talks to pages through messages.',
  ),
  boundary(
    'content',
    others('domain', 'shared', 'content'),
    'No context imports another: the content script talks to the background through messages.',
  ),
  boundary(
    'popup',
    others('domain', 'shared', 'ui', 'popup'),
    'No context imports another: the popup reaches the background through the client in ui/.',
  ),
  boundary(
    'options',
    others('domain', 'shared', 'ui', 'options'),
    'No context imports another: the options page reaches the background through the client in ui/.',
  ),
  boundary(
    'devtools',
    others('domain', 'shared', 'ui', 'devtools'),
    'No context imports another: the DevTools panel reads storage.session and reaches the background through the client in ui/.',
  ),
  boundary(
    'ui',
    others('domain', 'shared', 'ui'),
    'ui/ serves both pages and imports neither of them, nor the background.',
  ),
  prettier,
);
