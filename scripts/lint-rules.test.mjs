// Each house rule in eslint.config.js, shown to catch a violation planted in a real file of the
// layer it guards (the text is linted as if it were that file; nothing is written), and shown not
// to catch what the layering allows.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The rule ids and messages lint reports for `code` placed at `filePath`. */
/**
 * @param {string} filePath
 * @param {string} code
 * @returns {Promise<string[]>}
 */
async function problems(filePath, code) {
  const results = await eslint.lintText(code, { filePath });
  return results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

/** @type {Array<[what: string, filePath: string, code: string, expected: RegExp]>} */
const BOUNDARY_CASES = [
  [
    'the domain imports shared/',
    'src/domain/sort-findings.ts',
    "import { DEFAULT_SETTINGS } from '../shared/settings';\nexport const x = DEFAULT_SETTINGS;\n",
    /no-restricted-imports: .*domain is pure/,
  ],
  [
    'the domain imports the polyfill',
    'src/domain/sort-findings.ts',
    "import browser from 'webextension-polyfill';\nexport const x = browser;\n",
    /no-restricted-imports: .*no browser API/,
  ],
  [
    'the domain calls a browser API',
    'src/domain/sort-findings.ts',
    'export const x = chrome.runtime.id;\n',
    /no-restricted-globals: .*no browser API/,
  ],
  [
    'shared/ imports the popup',
    'src/shared/messages.ts',
    "import { PopupApp } from '../popup/popup-app';\nexport const x = PopupApp;\n",
    /no-restricted-imports: .*imports only the domain/,
  ],
  [
    'the background imports the popup',
    'src/background/badge.ts',
    "import { PopupApp } from '../popup/popup-app';\nexport const x = PopupApp;\n",
    /no-restricted-imports: .*No context imports another/,
  ],
  [
    'the popup imports the background',
    'src/popup/empty-state.tsx',
    "import { badgeFor } from '../background/badge';\nexport const x = badgeFor;\n",
    /no-restricted-imports: .*No context imports another/,
  ],
  [
    'the options page imports the popup',
    'src/options/field.tsx',
    "import { PopupApp } from '../popup/popup-app';\nexport const x = PopupApp;\n",
    /no-restricted-imports: .*No context imports another/,
  ],
  [
    'the content script imports the background',
    'src/content/capture.ts',
    "import { badgeFor } from '../background/badge';\nexport const x = badgeFor;\n",
    /no-restricted-imports: .*No context imports another/,
  ],
  [
    'the DevTools panel imports the popup',
    'src/devtools/timeline-panel.tsx',
    "import { PopupApp } from '../popup/popup-app';\nexport const x = PopupApp;\n",
    /no-restricted-imports: .*No context imports another/,
  ],
  [
    'the DevTools panel imports the background',
    'src/devtools/panel-app.tsx',
    "import { badgeFor } from '../background/badge';\nexport const x = badgeFor;\n",
    /no-restricted-imports: .*No context imports another/,
  ],
  [
    'the popup imports the DevTools panel',
    'src/popup/empty-state.tsx',
    "import { TimelinePanel } from '../devtools/timeline-panel';\nexport const x = TimelinePanel;\n",
    /no-restricted-imports: .*No context imports another/,
  ],
  [
    'ui/ imports the options page',
    'src/ui/copy-button.tsx',
    "import { OptionsPage } from '../options/options-page';\nexport const x = OptionsPage;\n",
    /no-restricted-imports: .*imports neither/,
  ],
  [
    'product code imports test support',
    'src/ui/extension-client.ts',
    "import { MockClient } from '../test-support/mock-client';\nexport const x = MockClient;\n",
    /no-restricted-imports: .*never imports test support/,
  ],
  [
    'product code imports a fake browser',
    'src/background/badge.ts',
    "import { fakeBrowser } from '@webext-core/fake-browser';\nexport const x = fakeBrowser;\n",
    /no-restricted-imports: .*never imports test support/,
  ],
];

describe('house rules in lint', { timeout: 120_000 }, () => {
  for (const [what, filePath, code, expected] of BOUNDARY_CASES) {
    it(`catches: ${what}`, async () => {
      expect(await problems(filePath, code)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    });
  }

  it('allows what the layering allows: a page using ui/, shared/ and the domain; a test using test support', async () => {
    const page =
      "import type { InspectorClient } from '../ui/extension-client';\nimport type { Settings } from '../shared/settings';\nimport type { Finding } from '../domain/finding';\nexport type X = [InspectorClient, Settings, Finding];\n";
    expect(await problems('src/popup/empty-state.tsx', page)).toEqual([]);
    const test = "import { fakeBrowser } from '@webext-core/fake-browser';\nexport const x = fakeBrowser;\n";
    expect(await problems('src/background/badge.test.ts', test)).toEqual([]);
  });

  it('catches a switch over a union that leaves a case out', async () => {
    const code =
      "import type { Severity } from './finding';\nexport function rank(severity: Severity): number {\n  switch (severity) {\n    case 'error':\n      return 0;\n    case 'warning':\n      return 1;\n  }\n  return 2;\n}\n";
    expect(await problems('src/domain/sort-findings.ts', code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/switch-exhaustiveness-check: .*"info"/)]),
    );
  });
});
