/**
 * The import floors (ARCHITECTURE.md), checked by `npm run lint` (scripts/check-imports.mjs).
 *
 *   src/index.ts, src/define.ts            the package entries
 *   src/components/                        elements, their controllers and templates
 *   src/content/, src/counter/             feed HTML to the DOM; the live view counter
 *   src/feed/, src/format/                 the feed model and loader; words, dates, numbers
 *   src/internal/                          the Trusted Types policy, the lazy loader, text helpers
 *
 * A file imports only from its own floor's folder or a lower floor. Dynamic `import()`
 * and `import type` count like any import: no exceptions upward.
 */
const LIT = '^node_modules/(lit|lit-html|lit-element|@lit)/';
const ENTRIES = '^src/(index|define)[.]ts$';

/** A rule forbidding `from` to import `to`. */
const floor = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'An import cycle: types go in src/feed/model.ts, shared helpers in a module of their own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    floor(
      'internal-is-the-ground-floor',
      'src/internal/ imports nothing else of the library.',
      '^src/internal/',
      '^src/(?!internal/)',
    ),
    floor(
      'format-stands-on-internal',
      'src/format/ imports only src/internal/ (pass plain values, not feed types).',
      '^src/format/',
      '^src/(?!(format|internal)/)',
    ),
    floor(
      'feed-stands-on-format-and-internal',
      'src/feed/ imports no content, counter, element or entry.',
      '^src/feed/',
      '^src/(?!(feed|format|internal)/)',
    ),
    floor(
      'content-below-elements',
      'src/content/ imports no counter, element or entry.',
      '^src/content/',
      '^src/(?!(content|feed|format|internal)/)',
    ),
    floor(
      'counter-below-elements',
      'src/counter/ imports no content, element or entry.',
      '^src/counter/',
      '^src/(?!(counter|feed|format|internal)/)',
    ),
    floor(
      'elements-below-entries',
      'src/components/ never imports a package entry.',
      '^src/components/',
      ENTRIES,
    ),
    floor(
      'feed-and-format-without-lit',
      'src/feed/ and src/format/ run without Lit (Node, workers, any framework).',
      '^src/(feed|format|internal)/',
      LIT,
    ),
    {
      name: 'demo-uses-the-package-entries',
      comment:
        'The demo imports the library as a user does: src/index.ts, src/define.ts, src/components/*/*.define.ts.',
      severity: 'error',
      from: { path: '^demo/' },
      to: {
        path: '^src/',
        pathNot: [ENTRIES, '^src/components/[^/]+/[^/]+[.]define[.]ts$'],
      },
    },
    {
      name: 'server-stays-out-of-src',
      comment: 'The counter service imports nothing from src/ but the counter protocol types.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^src/', pathNot: '^src/counter/protocol[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // `import type` counts: a type-only import upward is still an arrow against the floors.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
