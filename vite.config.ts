/**
 * Two builds from one config:
 * - `vite build`: the npm package. One ES module per public entry, Lit and the other
 *   runtime dependencies left as imports so an app bundles them once.
 * - `vite build --mode bundle`: the script-tag files. Everything inlined and minified:
 *   `civic-widgets.js` (ES module; Markdown and the sanitizer split into a lazy chunk
 *   beside it) and `civic-widgets.iife.js` (a classic script, which cannot split, so it
 *   carries the lazy parts inline).
 */
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const runtimeDeps = Object.keys(pkg.dependencies);
const isExternal = (id: string) => runtimeDeps.some((d) => id === d || id.startsWith(`${d}/`));

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
            .trim()}\``,
      );
    },
  };
}

const elements = ['feed', 'article-card', 'view-counter', 'bulletin-list', 'date-line'];

export default defineConfig(({ mode }) =>
  mode === 'bundle'
    ? {
        plugins: [minifyLitCss()],
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
            output: {
              minify: true,
              chunkFileNames: 'civic-widgets-[name]-[hash].js',
            },
          },
        },
      }
    : {
        plugins: [minifyLitCss()],
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2021',
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
