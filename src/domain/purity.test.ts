import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * House rule (CONTRIBUTING.md): the domain is pure, and no extension context imports another.
 * A lint rule would say the same; a test keeps it true without another tool.
 */
const SRC = new URL('..', import.meta.url).pathname;
const CONTEXTS = ['background', 'content', 'popup', 'options', 'devtools'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
}

/**
 * What `entry` imports, and what those import, to the end: the files (from src/) and packages
 * its code loads at once. Type-only imports are left out (they are gone from the build), and so
 * are dynamic `import()`s (they load only when asked).
 */
function staticValueGraph(entry: string): { files: string[]; packages: string[] } {
  const valueImportsOf = (file: string) =>
    [
      ...readFileSync(file, 'utf8').matchAll(
        /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?from\s*)?['"]([^'"]+)['"]/g,
      ),
    ].map((m) => m[1]!);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImportsOf(file)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = join(file, '..', spec);
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => {
        try {
          return statSync(path).isFile();
        } catch {
          return false;
        }
      });
      if (target !== undefined) visit(target);
    }
  };
  visit(entry);
  return { files: [...seen].map((file) => relative(SRC, file)), packages: [...packages] };
}

function contextOf(path: string): string {
  return relative(SRC, path).split('/')[0]!;
}

describe('module boundaries', () => {
  it('domain imports no browser API, polyfill, or extension context', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(SRC, 'domain'))) {
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(file)) {
        if (
          spec === 'webextension-polyfill' ||
          /\/(shared|background|content|popup|options|ui)\//.test(spec) ||
          spec.startsWith('../shared')
        ) {
          offenders.push(`${relative(SRC, file)} imports ${spec}`);
        }
      }
      if (/\b(chrome|browser)\.(runtime|storage|tabs|webRequest|scripting|permissions)\b/.test(text)) {
        offenders.push(`${relative(SRC, file)} uses a browser API`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no extension context imports another context', () => {
    const offenders: string[] = [];
    for (const context of CONTEXTS) {
      for (const file of sourceFiles(join(SRC, context))) {
        for (const spec of importsOf(file)) {
          if (!spec.startsWith('.')) continue;
          const target = contextOf(join(file, '..', spec));
          if (target !== context && (CONTEXTS as readonly string[]).includes(target)) {
            offenders.push(`${relative(SRC, file)} imports ${spec}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it.each(['capture.ts'])(
    'the content script %s, loaded on every capture-site page, reaches neither the polyfill nor a decoder',
    (script) => {
      // A shared module that took `browser` from shared/browser.ts would bring the whole polyfill
      // back into every page.
      const { files, packages } = staticValueGraph(join(SRC, 'content', script));
      expect(packages).toEqual([]);
      expect(files.filter((file) => !file.startsWith('content/'))).toEqual(
        expect.not.arrayContaining(['shared/browser.ts', 'domain/decode-token.ts', 'domain/find-tokens.ts']),
      );
    },
  );

  it('the popup opens without the token reader: the background reads the tokens it keeps', () => {
    // The reader carries the office directory and the reading's texts; the popup loads it only
    // for a token kept without a reading, or for a paste (dynamic imports, not followed here).
    const { files } = staticValueGraph(join(SRC, 'popup', 'main.tsx'));
    expect(files).toContain('domain/inspect.ts');
    expect(files).toEqual(
      expect.not.arrayContaining(['domain/read-token.ts', 'domain/office-directory.ts', 'domain/decode-token.ts']),
    );
  });

  it('only shared/browser.ts imports the polyfill', () => {
    const importers = sourceFiles(SRC)
      .filter((file) => importsOf(file).includes('webextension-polyfill'))
      .map((file) => relative(SRC, file));
    expect(importers).toEqual(['shared/browser.ts']);
  });
});
