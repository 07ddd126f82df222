import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };
import identity from './extension-identity.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

/** The two targets we ship. `vite build --mode chrome|firefox` picks one. */
type Target = 'chrome' | 'firefox';

/**
 * `vite build --mode bench-chrome|bench-firefox`: the shipped extension plus the bench's blank
 * page, in dist-bench/ (never in dist/, which scripts/bench/bench-build.test.mjs checks).
 */
const BENCH_MODE = /^bench-(chrome|firefox)$/;
export const BENCH_PAGE_FILES = ['bench/blank.html', 'bench/blank.js'];

/**
 * The blank page `npm run bench` opens beside the popup: what opening any page of the extension
 * costs. Copied as it is rather than built as an entry: an extra entry would make the bundler
 * split the popup's chunks differently, and the popup measured must be the one we ship.
 */
function benchBlankPage(): Plugin {
  return {
    name: 'bench-blank-page',
    generateBundle() {
      for (const fileName of BENCH_PAGE_FILES)
        this.emitFile({ type: 'asset', fileName, source: readFileSync(fileName, 'utf8') });
    },
  };
}

/**
 * Policies name an extension by its id, so both ids are fixed (extension-identity.json). Chrome
 * derives its id from the manifest `key` (the public key only; the private signing key never
 * enters the repository). Firefox takes the gecko id as written.
 */
export const GECKO_ID = identity.geckoId;

const CONTENT_SCRIPT = 'src/content/capture.ts';
/** The DevTools panel's page: devtools.html creates it by path, so the manifest does not name it. */
const DEVTOOLS_PANEL = 'src/devtools/panel.html';

/**
 * package.json's version is the one version: both builds and the release zips' names take it from
 * there, so a release is bumped in one place. manifest.json's own field is overridden here
 * (scripts/package.test.mjs checks that it agrees, so nobody reading it is misled).
 */
const VERSION = packageJson.version;

/**
 * Firefox MV3 runs background *scripts* (an event page), not a service worker, and
 * crxjs 3 expects the input manifest to say so already (it fails on `service_worker`
 * with "Cannot read properties of undefined (reading '0')"), so derive it here.
 */
function manifestFor(target: Target): ManifestV3Export {
  // Only Chrome reads a schema for `storage.managed`; Firefox takes the policy's values from
  // policies.json as they are, and the shared reader checks them in both.
  if (target === 'chrome') {
    return {
      ...sourceManifest,
      version: VERSION,
      key: identity.chromePublicKey,
      storage: { managed_schema: 'managed-schema.json' },
    } as ManifestV3Export;
  }
  const { background, ...rest } = sourceManifest;
  return {
    ...rest,
    version: VERSION,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        // AMO's data-collection declaration. Verifying sends the captured token (name, e-mail,
        // national ID number: personal data; a login credential: authentication data) to the
        // organisation's DiwLoginChk service, and Mozilla counts any transmission outside the
        // browser, whoever runs the server. Why these two and not others: docs/PACKAGING.md.
        data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
      },
    },
  } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const bench = BENCH_MODE.test(mode);
  const target: Target = mode === 'firefox' || mode === 'bench-firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // A document_start script must run at once: crxjs's default async loader would let
        // the page's own scripts rewrite the URL (and drop the token) before we read it.
        contentScripts: { standaloneFiles: [CONTENT_SCRIPT] },
      }),
      ...(bench ? [benchBlankPage()] : []),
    ],
    build: {
      outDir: bench ? `dist-bench/${target}` : `dist/${target}`,
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      // The pages load their chunks from the extension's own files, not over a network: there is
      // nothing to gain from preloading a lazy chunk's imports, nor from a polyfill for
      // <link rel="modulepreload"> (both browsers have it), and the helpers cost every page bytes.
      modulePreload: false,
      rollupOptions: { input: { panel: DEVTOOLS_PANEL } },
    },
  };
});
