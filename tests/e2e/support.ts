// What the end-to-end specs share: where things are, the element list, and `note()`
// for the figures a run reports (sizes, layout shift), which the old scripts printed.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The element names of elements.json (`feed`, `article-card`, …), in the README's order. */
export const ELEMENTS: readonly string[] = (
  JSON.parse(readFileSync(new URL('elements.json', `file://${ROOT}`), 'utf8')) as {
    elements: string[];
  }
).elements;

/** Their tags (`civic-feed`, …). */
export const TAGS = ELEMENTS.map((name) => `civic-${name}`);

/**
 * A figure or remark about the current test: printed as a `  · ` line (the list reporter
 * shows it under the test) and kept as an annotation of type `note` in the report.
 */
export function note(text: string): void {
  console.log(`  · ${text}`);
  test.info().annotations.push({ type: 'note', description: text });
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whitespace runs as one space, trimmed. */
export const norm = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim();
