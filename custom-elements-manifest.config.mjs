// Reads the JSDoc on the element classes into a full manifest, for scripts/docs.mjs, which
// writes the README's API section and VS Code's data from it, and then the package's
// custom-elements.json: the public API only, with paths to the shipped files.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: 'node_modules/.cache/civic-widgets',
  litelement: true,
};
