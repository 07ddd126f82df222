import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
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

/** The popup's page, as the manifest's action.default_popup names it, and its script. */
const POPUP_PAGE = 'src/popup/index.html';
const POPUP_SCRIPT = 'src/popup/main.tsx';

/**
 * Rebuilds the popup's script as one module file (plus the chunks it imports lazily, which load on
 * a copy, not on open) and points the popup page at it; the options page, the DevTools panel and
 * the background keep the shared chunks. Why: the shared build made the popup load 8 files,
 * discovered level by level, and in Chromium its own code started about 18 ms after the page was
 * parsed; as one file it started about as soon as a blank page's script, and the office path
 * painted about 14 ms sooner. Preloading the 8 files won back almost nothing: the number of files
 * and the depth of the import graph cost the time, not the bytes. The popup's CSS stays as the
 * main build extracted it (the page's stylesheet link).
 */
function popupAsOneModuleFile(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'popup-as-one-module-file',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      // After the HTML plugin has written the page, so that its script tag can be repointed.
      order: 'post',
      async handler(_options, bundle) {
        const pagePath = resolve(config.root, POPUP_PAGE);
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const sharedEntry = chunks.find((chunk) => chunk.isEntry && chunk.facadeModuleId === pagePath);
        const page = bundle[POPUP_PAGE];
        if (!sharedEntry || page?.type !== 'asset' || typeof page.source !== 'string')
          throw new Error(`${POPUP_PAGE} and its entry chunk are not in the bundle`);

        const oneFile = await buildPopupScript(config);
        const entry = oneFile.find((file) => file.type === 'chunk' && file.isEntry)!;
        for (const file of oneFile) {
          // The main build already extracted the popup's CSS and links it from the page.
          if (file.fileName.endsWith('.css')) continue;
          const source = file.type === 'chunk' ? file.code : file.source;
          const existing = bundle[file.fileName];
          if (existing) {
            const existingSource = existing.type === 'chunk' ? existing.code : existing.source;
            if (Buffer.from(existingSource).equals(Buffer.from(source))) continue;
            throw new Error(`${file.fileName} is in the bundle already, with other content`);
          }
          this.emitFile({ type: 'asset', fileName: file.fileName, source });
        }

        const oldSrc = `src="${config.base}${sharedEntry.fileName}"`;
        if (page.source.split(oldSrc).length !== 2) throw new Error(`${POPUP_PAGE} does not load ${oldSrc} once`);
        page.source = page.source.replace(oldSrc, `src="${config.base}${entry.fileName}"`);
        dropUnreachable(bundle, sharedEntry);
      },
    },
  };
}

/** The popup's script, built on its own with the main build's JSX, target and minifier. */
async function buildPopupScript(config: ResolvedConfig): Promise<(Rolldown.OutputChunk | Rolldown.OutputAsset)[]> {
  const result = await build({
    configFile: false,
    root: config.root,
    mode: config.mode,
    base: config.base,
    publicDir: false,
    logLevel: 'warn',
    plugins: [preact()],
    build: {
      write: false,
      target: config.build.target,
      minify: config.build.minify,
      sourcemap: false,
      modulePreload: false,
      rolldownOptions: {
        input: resolve(config.root, POPUP_SCRIPT),
        output: { entryFileNames: 'assets/popup-[hash].js', chunkFileNames: 'assets/[name]-[hash].js' },
      },
    },
  });
  if (Array.isArray(result) || !('output' in result)) throw new Error('the popup build gave no single output');
  return result.output;
}

/**
 * Drops `entry` from the bundle, and every chunk it reached (statically or lazily) that no entry
 * left in the bundle reaches: the popup's old lazy chunks import the old entry, and would be
 * shipped without ever loading.
 */
function dropUnreachable(bundle: Rolldown.OutputBundle, entry: Rolldown.OutputChunk) {
  delete bundle[entry.fileName];
  const chunkNamed = (fileName: string) => {
    const file = bundle[fileName];
    return file?.type === 'chunk' ? file : undefined;
  };
  /** Every chunk `start` loads, statically or lazily, itself included. */
  const reachedFrom = (start: string[]) => {
    const reached = new Set(start);
    // A Set's iterator visits what is added while it runs.
    for (const fileName of reached) {
      const chunk = chunkNamed(fileName);
      for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])]) reached.add(next);
    }
    return reached;
  };
  const entries = Object.values(bundle).filter((file) => file.type === 'chunk' && file.isEntry);
  const stillLoaded = reachedFrom(entries.map((chunk) => chunk.fileName));
  for (const fileName of reachedFrom([...entry.imports, ...entry.dynamicImports]))
    if (!stillLoaded.has(fileName)) delete bundle[fileName];
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
      popupAsOneModuleFile(),
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
