// Checks on the repository itself (no browser): the things that must exist once.
//   - elements.json is the element list; the files that cannot read it (package.json,
//     src/define.ts) agree with it, and the build and the docs generator read it.
//   - tests/fixtures holds the one copy of each sample feed, and every feed the demo names
//     (its pages and their scripts, the gallery's table included) is in it.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ELEMENTS, ROOT } from './support.js';
import { bundleReport, structureProblems } from '../../scripts/check-size.mjs';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

test('one element list: package.json and src/define.ts agree with elements.json', () => {
  expect(ELEMENTS.length, 'elements.json lists elements').toBeGreaterThan(0);
  const pkg = JSON.parse(read('package.json')) as {
    exports: Record<string, unknown>;
    sideEffects: string[];
  };
  for (const name of ELEMENTS) {
    expect(existsSync(join(ROOT, `src/components/${name}/${name}.define.ts`)), name).toBe(true);
    expect(pkg.exports[`./${name}.js`], `package.json exports ./${name}.js`).toEqual({
      types: `./dist/components/${name}/${name}.define.d.ts`,
      default: `./dist/${name}.js`,
    });
    expect(pkg.sideEffects, 'package.json sideEffects').toContain(`./dist/${name}.js`);
  }
  const elementExports = Object.keys(pkg.exports)
    .filter((k) => /^\.\/[a-z-]+\.js$/.test(k) && k !== './define.js')
    .map((k) => k.slice(2, -3));
  expect(elementExports.sort(), 'element entries in package.json exports').toEqual(
    [...ELEMENTS].sort(),
  );
  // (Its define modules; early.ts, imported first, registers nothing.)
  const defined = [
    ...read('src/define.ts').matchAll(/^import '\.\/components\/([\w-]+)\/[\w-]+\.define\.js'/gm),
  ].map((m) => m[1]);
  expect(defined, 'src/define.ts registers every element, in order').toEqual(ELEMENTS);
  for (const reader of ['vite.config.ts', 'scripts/docs.mjs'])
    expect(read(reader), `${reader} reads elements.json`).toContain('elements.json');
});

test('one copy of each sample feed, and every feed the demo names is in it', () => {
  expect(
    existsSync(join(ROOT, 'demo/feeds')),
    'demo/feeds (the feeds live in tests/fixtures)',
  ).toBe(false);
  const named = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'demo')).filter((f) => /\.(html|ts)$/.test(f)))
    for (const m of read(`demo/${file}`).matchAll(/\bfeeds\/([\w.-]+\.(?:json|xml))\b/g))
      named.add(m[1]);
  expect(named.size, 'feeds named by the demo').toBeGreaterThan(0);
  for (const feed of named)
    expect(existsSync(join(ROOT, 'tests/fixtures', feed)), `tests/fixtures/${feed}`).toBe(true);
});

test('the build refuses a chunk structure that would load in series (scripts/check-size.mjs)', () => {
  // Small made-up dist folders, one per rule; the real one is checked by `npm run build`.
  const problemsOf = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-size-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      return structureProblems(bundleReport(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const entry = 'import("./civic-widgets-a-1.js");import("./civic-widgets-b-2.js");';
  // The allowed shape: lazy chunks, one of which imports another that imports nothing.
  expect(
    problemsOf({
      'civic-widgets.js': entry,
      'civic-widgets-a-1.js': 'import{x}from"./civic-widgets-b-2.js";',
      'civic-widgets-b-2.js': 'export const x=1;',
    }),
  ).toEqual([]);
  expect(
    problemsOf({
      'civic-widgets.js': 'import"./civic-widgets-a-1.js";',
      'civic-widgets-a-1.js': 'export const x=1;',
    }),
    'a chunk before first paint',
  ).toEqual(['the entry imports civic-widgets-a-1.js statically']);
  expect(
    problemsOf({
      'civic-widgets.js': entry,
      'civic-widgets-a-1.js': 'import{y}from"./civic-widgets.js";',
      'civic-widgets-b-2.js': '',
    }),
    'a chunk that imports the entry',
  ).toEqual(['civic-widgets-a-1.js imports the entry']);
  expect(
    problemsOf({
      'civic-widgets.js': entry,
      'civic-widgets-a-1.js': 'import"./civic-widgets-b-2.js";',
      'civic-widgets-b-2.js': 'import"./civic-widgets-c-3.js";',
      'civic-widgets-c-3.js': '',
    }),
    'a waterfall',
  ).toEqual(['civic-widgets-a-1.js → civic-widgets-b-2.js → civic-widgets-c-3.js: a waterfall']);
});
