// What the hand-written full-card page of the benchmark imports in parallel with the feed:
// marked and DOMPurify, bundled and minified by bench/run.mjs into bench/results/vendor.js
// (as a site would ship them), so both sides download the same libraries.
export { marked } from 'marked';
export { default as DOMPurify } from 'dompurify';
