// Size budget for the script-tag entry: under 25 KiB gzipped (the aim is 15 KiB, with
// Markdown and the sanitizer in a lazy chunk). Fails the build when over budget, or when
// the chunks break the rules of src/internal/lazy.ts.
//
// What counts is what a page downloads before the first widget can render: the entry
// plus every chunk it imports statically (a static import is not lazy). Chunks reached
// only through `import()` are listed on their own as lazy.
//
// Also a module: `bundleReport(distDir)` is reused by the dist checks (tests/e2e/dist.spec.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET = 25 * 1024;
export const AIM = 15 * 1024;
export const ENTRY = 'civic-widgets.js';
export const IIFE = 'civic-widgets.iife.js';

/** `12.3 KiB` */
export const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Gzipped size (level 9, what a server's static gzip gives) of some bytes. */
export const gzSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

// Static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`; not
// `import("./x.js")`, whose next character is a parenthesis.
const STATIC_IMPORT =
  /\b(?:import|export)\s*(?:[\w$*{][^"'`;()]*?\bfrom\s*)?["'`](\.\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g;

/** Relative specifiers a module's source imports statically and dynamically. */
export function importsOf(source) {
  const names = (re) =>
    [...source.matchAll(re)].map((m) => m[1].replace(/^\.\//, '').replace(/[?#].*$/, ''));
  return {
    static: [...new Set(names(STATIC_IMPORT))],
    dynamic: [...new Set(names(DYNAMIC_IMPORT))],
  };
}

/**
 * Sizes of the script-tag build in `distDir`:
 * - `entry`: the entry file alone;
 * - `eager`: the entry and everything it imports statically, transitively (files, raw
 *   and gzipped total);
 * - `lazy`: the other `civic-widgets-*.js` chunks, each with its gzipped size;
 * - `iife`: the classic-script file (which carries the lazy parts inline).
 */
export function bundleReport(distDir) {
  const read = (f) => readFileSync(join(distDir, f));
  const source = (f) => read(f).toString('utf8');
  /** @type {string[]} */
  const eagerFiles = [];
  const queue = [ENTRY];
  while (queue.length) {
    const f = queue.shift();
    if (eagerFiles.includes(f)) continue;
    eagerFiles.push(f);
    queue.push(...importsOf(source(f)).static);
  }
  const eagerBytes = Buffer.concat(eagerFiles.map(read));
  const chunks = readdirSync(distDir)
    .filter((f) => /^civic-widgets-.+\.js$/.test(f) && !eagerFiles.includes(f))
    .sort();
  let iife;
  try {
    iife = { file: IIFE, bytes: read(IIFE).length, gz: gzSize(read(IIFE)) };
  } catch {
    iife = undefined;
  }
  return {
    entry: { file: ENTRY, bytes: read(ENTRY).length, gz: gzSize(read(ENTRY)) },
    eager: { files: eagerFiles, bytes: eagerBytes.length, gz: gzSize(eagerBytes) },
    lazy: chunks.map((f) => ({
      file: f,
      bytes: read(f).length,
      gz: gzSize(read(f)),
      imports: importsOf(source(f)).static,
    })),
    iife,
  };
}

/**
 * What breaks the structure src/internal/lazy.ts promises, in a `bundleReport`: a chunk
 * before first paint (the entry imports it statically), a chunk importing the entry (a
 * page's `?v=2` would load a second copy), a chunk importing a chunk that imports
 * another (more than one round trip after its loader's). Empty when all is well.
 */
export function structureProblems(r) {
  const problems = [];
  if (r.eager.files.length > 1)
    problems.push(`the entry imports ${r.eager.files.slice(1).join(', ')} statically`);
  for (const c of r.lazy) {
    if (c.imports.includes(ENTRY)) problems.push(`${c.file} imports the entry`);
    for (const i of c.imports) {
      const deeper = r.lazy.find((d) => d.file === i)?.imports ?? [];
      if (deeper.length) problems.push(`${c.file} → ${i} → ${deeper.join(', ')}: a waterfall`);
    }
  }
  return problems;
}

function main() {
  const distDir = resolve(
    process.env.CIVIC_DIST ?? fileURLToPath(new URL('../dist/', import.meta.url)),
  );
  const r = bundleReport(distDir);
  const label = (f) => `dist/${f}`.padEnd(48);
  console.log(`${label(r.entry.file)} ${kib(r.entry.gz)} gzipped`);
  for (const f of r.eager.files.slice(1))
    console.log(`${label(f)} imported statically by the entry`);
  console.log(
    `${'entry + static imports'.padEnd(48)} ${kib(r.eager.gz)} gzipped (budget ${kib(BUDGET)}, aim ${kib(AIM)})`,
  );
  for (const c of r.lazy)
    console.log(
      `${label(c.file)} ${kib(c.gz)} gzipped, lazy${c.imports.length ? ` (imports ${c.imports.join(', ')})` : ''}`,
    );
  if (r.iife)
    console.log(`${label(r.iife.file)} ${kib(r.iife.gz)} gzipped (classic script, no splitting)`);
  const problems = structureProblems(r);
  for (const p of problems) console.error(`dist: ${p}`);
  if (problems.length) process.exit(1);
  if (r.eager.gz > BUDGET) {
    console.error(
      `dist/${ENTRY} loads ${kib(r.eager.gz)} gzipped up front, over the ${kib(BUDGET)} budget`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
