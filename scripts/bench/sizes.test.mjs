import { describe, expect, it } from 'vitest';
import { pageLoads, staticImports } from './sizes.mjs';

describe('what a built page loads', () => {
  it('follows static imports and re-exports, not dynamic import()', () => {
    const code =
      'import{a as b}from"./sort-findings-1.js";import"./side-effect.js";export{c}from"../other.js";' +
      'const later=()=>import("./lazy.js");const text="import from elsewhere";';
    expect(staticImports(code)).toEqual(['./sort-findings-1.js', './side-effect.js', '../other.js']);
  });

  it('reads the module scripts, module preloads and style sheets of an HTML page', () => {
    const html = `<head>
      <script type="module" crossorigin src="/assets/index.html-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/chunk-B.js">
      <link rel="stylesheet" crossorigin href="/assets/index-C.css">
      <link rel="icon" href="/icons/icon-16.png">
    </head>`;
    expect(pageLoads(html)).toEqual({
      scripts: ['/assets/index.html-A.js', '/assets/chunk-B.js'],
      styles: ['/assets/index-C.css'],
    });
  });
});
