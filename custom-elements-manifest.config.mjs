// Generates custom-elements.json from the JSDoc on the element classes.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
