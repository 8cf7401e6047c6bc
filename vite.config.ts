/**
 * Two builds from one config:
 * - `vite build`: the npm package. One ES module per public entry, Lit and the other
 *   runtime dependencies left as imports so an app bundles them once.
 * - `vite build --mode bundle`: the script-tag files. Everything inlined and minified:
 *   `civic-widgets.js` (ES module; Markdown and the sanitizer split into a lazy chunk
 *   beside it) and `civic-widgets.iife.js` (a classic script, which cannot split, so it
 *   carries the lazy parts inline).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import elementList from './elements.json' with { type: 'json' };

const runtimeDeps = Object.keys(pkg.dependencies);

/**
 * The script-tag build's lazy chunks (see src/internal/lazy.ts): the RSS and Atom
 * readers (`parse-xml`) and the full article with Markdown and DOMPurify
 * (`full-article`) are chunks of their own, as Rolldown splits them; every other lazy
 * module joins one `extras` chunk, whether a first paint waits for it (the list's other
 * layouts, the lunar calendar, the merge of several feeds; HTML to text, which the XML
 * readers import, and whose loader asks for both at once) or nothing does (writing
 * the remembered copy, a failure's words, the refresh timer, the card's actions, "Xem
 * thêm", the live count). One file instead of a dozen of a few hundred bytes: after
 * first paint nearly every page fetches it anyway, to write its remembered copy.
 *
 * Only modules the entry never imports may be listed (scripts/check-size.mjs fails when
 * the entry imports a chunk). Listed by path under `src/`, without `.ts`.
 */
const EXTRAS = [
  'components/bulletin-list/layouts',
  'format/lunar',
  'format/relative',
  'feed/merge',
  'feed/newest',
  'internal/html-text',
  'feed/memory-write',
  'feed/failure',
  'feed/json-error',
  'components/feed/refresh',
  'components/article-card/card-actions',
  'components/bulletin-list/show-more',
  'counter/client',
  'components/view-counter/live-count',
  'internal/dev-words',
];
const isExternal = (id: string) => runtimeDeps.some((d) => id === d || id.startsWith(`${d}/`));

/**
 * The script-tag build's Lit says its misuse errors in a few words: the two of `css` and
 * the one of `html` given something other than a template literal. Only our own modules
 * call that copy's `css` and `html`, each with a literal, so no one can meet them (a page
 * that extends our elements uses its own Lit), and the long texts cost the entry 140
 * bytes gzipped. The checks still throw; only their words are shorter. The npm build
 * leaves Lit to the application, untouched.
 */
function shortLitErrors(): Plugin {
  const words: Record<string, [string, string][]> = {
    '/@lit/reactive-element/css-tag.js': [
      ['CSSResult is not constructable. Use `unsafeCSS` or `css` instead.', 'Lit: use css``'],
      ["Value passed to 'css' function must be a 'css' function result: ", 'Lit: not css``: '],
      [". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.", ''],
    ],
    '/lit-html/lit-html.js': [['invalid template strings array', 'Lit: not html``']],
  };
  return {
    name: 'civic-short-lit-errors',
    transform(code, id) {
      const file = Object.keys(words).find((f) => id.includes(f));
      if (!file) return undefined;
      let out = code;
      for (const [long, short] of words[file]) {
        // A Lit release that rewords them: the entry budget check then says so too.
        if (!out.includes(long)) this.warn(`Lit no longer says "${long.slice(0, 30)}…"`);
        out = out.split(long).join(short);
      }
      return out;
    },
  };
}

/**
 * The script-tag build's Lit adopts its style sheets and has no `<style>` fallback: every
 * browser the loader supports (AbortSignal.any: Chrome 116, Firefox 124, Safari 17.4) has
 * constructable style sheets, and a strict CSP (`style-src 'self'`) would refuse the
 * fallback's `<style>` elements anyway. Lit's feature test becomes `true`, and the
 * minifier drops the fallback (about 100 bytes gzipped). The npm build keeps Lit whole.
 */
const LIT_STYLE_TEST =
  't.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype';
function adoptedStylesOnly(): Plugin {
  return {
    name: 'civic-adopted-styles-only',
    transform(code, id) {
      if (!id.includes('/@lit/reactive-element/css-tag.js')) return undefined;
      // A Lit release that words the test otherwise: the entry budget check then says so too.
      if (!code.includes(LIT_STYLE_TEST)) this.warn('Lit tests adoptedStyleSheets differently');
      // Nor the guard that stops a page from constructing a CSSResult itself: this copy's
      // css-tag is called by our modules alone, with the token.
      const guard = /if\(this\._\$cssResult\$=!0,\w+!==\w+\)throw Error\([^)]*\);/;
      if (!guard.test(code)) this.warn('Lit guards CSSResult differently');
      return code.replace(LIT_STYLE_TEST, '!0').replace(guard, 'this._$cssResult$=!0;');
    },
  };
}

/**
 * The script-tag build's Lit without the hooks a page of its own never uses: the
 * polyfill and server-side hydration entry points (`litHtmlPolyfillSupport`,
 * `reactiveElementPolyfillSupport`, `litElementPolyfillSupport`,
 * `litElementHydrateSupport`: ShadyDOM and SSR, neither of which a script tag meets) and
 * the version lists Lit appends to `globalThis` for its dev-mode duplicate warning, and
 * the path for templates compiled ahead of time. About 120 bytes gzipped. The npm build, which an application may hydrate, keeps Lit whole.
 */
const LIT_HOOKS: [string, RegExp, string?][] = [
  ['/lit-html/lit-html.js', /\w+\.litHtmlPolyfillSupport(?=;)/],
  // Templates compiled ahead of time (@lit-labs/compiler), which our sources never use:
  // every template here is a runtime html`` (a number for its type), read as such.
  [
    '/lit-html/lit-html.js',
    /(\w)="number"==typeof (\w)\?this\._\$AC\((\w)\):\(void 0===\2\.el&&\(\2\.el=\w+\.createElement\(\w+\(\2\.h,\2\.h\[0\]\),this\.options\)\),\2\)/,
    '$1=this._$AC($3)',
  ],
  ['/lit-html/lit-html.js', /\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\)/],
  ['/@lit/reactive-element/reactive-element.js', /\w+\.reactiveElementPolyfillSupport(?=,)/],
  [
    '/@lit/reactive-element/reactive-element.js',
    /\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)/,
  ],
  ['/lit-element/lit-element.js', /\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\)/],
  ['/lit-element/lit-element.js', /\w+\.litElementPolyfillSupport(?=;)/],
  ['/lit-element/lit-element.js', /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)/],
];
function litWithoutHooks(): Plugin {
  return {
    name: 'civic-lit-without-hooks',
    transform(code, id) {
      const hooks = LIT_HOOKS.filter(([file]) => id.includes(file));
      if (!hooks.length) return undefined;
      let out = code;
      for (const [, hook, instead = 'void 0'] of hooks) {
        // A Lit release that words them otherwise: the entry budget check then says so too.
        if (!hook.test(out)) this.warn(`Lit no longer has ${hook.source.slice(0, 40)}`);
        out = out.replace(hook, instead);
      }
      return out;
    },
  };
}

/**
 * Minifies the CSS inside Lit's css`` templates in our sources (Rolldown minifies the
 * JavaScript around them but keeps template text as written): comments go, whitespace
 * shrinks to what CSS needs. Our style templates hold no `${}` interpolations.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'civic-minify-lit-css',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !code.includes('css`')) return undefined;
      return code.replace(
        /\bcss`([^`$]*)`/g,
        (_, body: string) =>
          `css\`${body
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            // After a colon only in declarations and media features: selectors never put a space there.
            .replace(/:\s+/g, ':')
            .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
            .replace(/;}/g, '}')
            // Inside brackets, around a division or product ("16 / 9", "calc(x * 2)") CSS needs no
            // space; around + and - in calc() it does, so those stay.
            .replace(/\(\s+/g, '(')
            .replace(/\s+\)/g, ')')
            .replace(/\s+\/\s+/g, '/')
            // A product only before a number: `* .b` is a selector's descendant.
            .replace(/\s+\*\s+(?=\d)/g, '*')
            .trim()}\``,
      );
    },
  };
}

/**
 * The classic-script file cannot split: it takes no chunk groups (the ES build's
 * `codeSplitting` is shared by both formats in Vite's library mode).
 */
function noGroupsForIife(): Plugin {
  return {
    name: 'civic-no-groups-for-iife',
    outputOptions(options) {
      if (options.format === 'iife') return { ...options, codeSplitting: undefined };
      return undefined;
    },
  };
}

/**
 * The full article's own copy of the HTML-text helper's tag reader (`src/internal/html-text.ts`),
 * which the sanitizer uses to cut inline styles and handlers out before parsing. The RSS
 * and Atom readers take the helper from `extras`, where it lives; were the full article to
 * do the same, a full card's first paint would wait on `extras` (12 KiB, mostly work done
 * after first paint) beside its own chunk. With a copy of its own the chunk imports nothing
 * on the way to first paint, and only what `src/content/` uses of it is kept (the entity
 * tables and `htmlText` are not: the card's fallback for a body that cannot be sanitized
 * imports them from `extras` itself, on that failure only). The helper keeps no state, so
 * two copies behave as one. (The classic script, which has no chunks, carries both.)
 */
const HTML_TEXT = /\/internal\/html-text(?:\.js|\.ts)?$/;
const COPY = '/src/internal/html-text.full-article.ts';
function ownHtmlText(): Plugin {
  return {
    name: 'civic-own-html-text',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && HTML_TEXT.test(source) && importer.includes('/src/content/'))
        return fileURLToPath(new URL(`.${COPY}`, import.meta.url));
      return undefined;
    },
    load(id) {
      if (id.endsWith(COPY)) return readFileSync(id.replace('.full-article.ts', '.ts'), 'utf8');
      return undefined;
    },
  };
}

/**
 * The script-tag entry in a function of its own. As a module (`<script type="module">`,
 * as the README says) this changes nothing: it exports nothing. Pasted without
 * `type="module"`, a classic script, its top-level names (`$`, `_`, …, minified) became
 * globals and broke the page's jQuery or Underscore, silently, and its lazy parts were
 * looked for beside the page instead of beside the script. Wrapped, it keeps its names to
 * itself, and a classic load (the only kind with a `document.currentScript`) loads the
 * same file again as a module (`import()` works in classic scripts; the browser has the
 * bytes) and stops: the widgets appear as if the tag had been right.
 */
function ownScope(): Plugin {
  return {
    name: 'civic-own-scope',
    // After minifying (which would drop the directive: a module is strict already). Strict,
    // a classic script scopes block functions as the module does; the check names no
    // variable, which could meet one of the minified code's own.
    generateBundle(options, bundle) {
      if (options.format !== 'es') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        if (/^\s*(?:import|export)\b/m.test(chunk.code))
          this.error('the script-tag entry must import and export nothing to be wrapped');
        chunk.code = `(()=>{"use strict";if(document.currentScript)return import(document.currentScript.src);${chunk.code}})();\n`;
      }
    },
  };
}

/** Tags the pages style as blocks (or flex items, where such space is dropped too). */
const BLOCK = '(?:div|p|ul|li|article|h[1-6])';
const BLOCK_START = new RegExp(`(<${BLOCK}\\b[^<>]*>)\\s*\\n\\s*`, 'g');
const BLOCK_END = new RegExp(`\\s*\\n\\s*(</${BLOCK}>)`, 'g');
const BLOCK_TAG = new RegExp(`^${BLOCK}$`);
const BLOCK_BEFORE = new RegExp(`\\s*\\n\\s*(<${BLOCK}\\b)`, 'g');
const BLOCK_AFTER = new RegExp(`(</${BLOCK}>)\\s*\\n\\s*`, 'g');

/**
 * Shrinks the indentation inside Lit's html`` templates in our sources: a whitespace run
 * that spans a line break becomes one space, or nothing before the `>` that ends a tag
 * (no template has a `>` as text at the start of a line), at the start or end of a
 * block's content, and before or after a block. HTML collapses such runs anyway and drops them at the ends of a line,
 * so the page looks the same; only `white-space: pre`/`pre-wrap` content would differ,
 * and no template puts source line breaks there. Runs after the TypeScript transform,
 * on the parsed JavaScript, so only the static text of `html` tagged templates changes.
 */
function minifyLitHtml(): Plugin {
  return {
    name: 'civic-minify-lit-html',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !code.includes('html`')) return undefined;
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as Record<string, unknown> & { type?: string };
        if (
          n.type === 'TaggedTemplateExpression' &&
          (n.tag as { type?: string; name?: string }).name === 'html'
        ) {
          // A block's opening tag with a `${}` in it ends in a later piece of the text.
          let inBlockTag = false;
          for (const q of (n.quasi as { quasis: { start: number; end: number }[] }).quasis) {
            const raw = code.slice(q.start, q.end);
            let text = raw
              // Inside a tag, before its `>` (Prettier's `</span\n  >`), no space is needed.
              .replace(/\s*\n\s*>/g, '>')
              // Nor at the start or end of a block's content, where a line drops it anyway.
              .replace(BLOCK_START, '$1')
              .replace(BLOCK_END, '$1')
              // And around a block, which starts a line of its own.
              .replace(BLOCK_BEFORE, '$1')
              .replace(BLOCK_AFTER, '$1');
            if (inBlockTag) text = text.replace(/^([^<>]*>)\s*\n\s*/, '$1');
            text = text.replace(/[ \t]*\n\s*/g, ' ');
            const open = /<(\/?)([a-zA-Z][\w-]*)[^<>]*$/.exec(raw);
            inBlockTag = open
              ? !open[1] && BLOCK_TAG.test(open[2])
              : inBlockTag && !raw.includes('>');
            if (text !== raw) edits.push({ start: q.start, end: q.end, text });
          }
        }
        for (const key in n) if (key !== 'type') visit(n[key]);
      };
      visit(this.parse(code));
      if (!edits.length) return undefined;
      let out = code;
      for (const e of edits.sort((a, b) => b.start - a.start))
        out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return out;
    },
  };
}

/** One npm entry per element (`civic-widgets/<name>.js`), from the project's element list. */
const elements = elementList.elements;

export default defineConfig(({ mode }) =>
  mode === 'bundle'
    ? {
        plugins: [
          ownHtmlText(),
          minifyLitCss(),
          minifyLitHtml(),
          shortLitErrors(),
          adoptedStylesOnly(),
          litWithoutHooks(),
          ownScope(),
          noGroupsForIife(),
        ],
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          // ES2022 (class static blocks) costs no browser the loader does not already need:
          // it uses AbortSignal.any (Chrome 116, Firefox 124, Safari 17.4).
          target: 'es2022',
          lib: {
            entry: 'src/define.ts',
            name: 'CivicWidgets',
            formats: ['es', 'iife'],
            fileName: (format) => (format === 'es' ? 'civic-widgets.js' : 'civic-widgets.iife.js'),
          },
          rolldownOptions: {
            // The entry exports nothing (src/define.ts): nothing to preserve, and the chunk
            // groups below need the freedom.
            preserveEntrySignatures: 'allow-extension',
            output: {
              minify: true,
              // Pure-call markers help a later bundler; nothing bundles these files again.
              comments: { annotation: false },
              // The package version, not a content hash: a page can name a chunk it will
              // need in a `<link rel="modulepreload">` (README, "Preloading"), and an
              // upgrade still gives every chunk a new name, so a browser never pairs a
              // new entry with a part it cached from the last release.
              chunkFileNames: `civic-widgets-[name]-${pkg.version}.js`,
              codeSplitting: {
                // A listed module's imports stay where they belong (the entry's in the entry).
                includeDependenciesRecursively: false,
                groups: [
                  {
                    name: 'extras',
                    test: (id: string) => EXTRAS.some((m) => id.endsWith(`/src/${m}.ts`)),
                  },
                ],
              },
            },
          },
        },
      }
    : {
        plugins: [minifyLitCss(), minifyLitHtml()],
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          // As the script-tag build: the classes' `#private` members stay native rather than
          // becoming WeakMap helpers, and every browser the loader supports has them.
          target: 'es2022',
          minify: false,
          lib: {
            entry: {
              index: 'src/index.ts',
              define: 'src/define.ts',
              ...Object.fromEntries(elements.map((e) => [e, `src/components/${e}/${e}.define.ts`])),
            },
            formats: ['es'],
          },
          rolldownOptions: {
            external: isExternal,
            output: {
              entryFileNames: '[name].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
            },
          },
        },
      },
);
