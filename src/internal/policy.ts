/**
 * The one Trusted Types policy of civic-widgets, named `civic-widgets`.
 *
 * A site with a strict CSP allows it with
 * `require-trusted-types-for 'script'; trusted-types civic-widgets lit-html`
 * (`lit-html` is Lit's own template policy). Add `'allow-duplicates'` when two copies of
 * the widgets can load on one page, since each copy creates its own policy.
 *
 * The policy is deliberately narrow, so that holding it is worth nothing to an attacker:
 * - `createHTML` and `createScriptURL` pass their input through only while
 *   `src/content/sanitize.ts` is running DOMPurify (DOMPurify needs a pass-through policy
 *   to parse its input and sign its output); at any other moment they throw.
 * - `createScript` accepts only text that is valid JSON, which is all a widget ever puts
 *   in a script element (the JSON-LD block).
 *
 * Feeds never need it: the XML readers and the HTML-to-text reader work on strings
 * (`src/feed/xml-tree.ts`, `src/internal/html-text.ts`), so RSS and Atom load on a page
 * that does not allow the policy, and only article bodies fall back to text there.
 *
 * Only lazy chunks import this module (the sanitizer, the JSON-LD writer), so it is one
 * small chunk they share: one policy per page, even when two copies of the entry are
 * loaded.
 */

/** A `TrustedHTML` where the browser has Trusted Types, else the sanitized string itself. */
export type SafeHtml = string | TrustedValue;
/** A `TrustedScript`, or a string where the browser has no Trusted Types. */
export type SafeScript = string | TrustedValue;

/** The opaque Trusted Types value objects (kept local: lib.dom has no Trusted Types yet). */
export interface TrustedValue {
  toString(): string;
}

/** The part of a `TrustedTypePolicy` we use (also the shape DOMPurify's `TRUSTED_TYPES_POLICY` wants). */
export interface CivicPolicy {
  readonly name: string;
  createHTML(input: string): TrustedValue;
  createScript(input: string): TrustedValue;
  createScriptURL(input: string): TrustedValue;
}

interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: {
      createHTML?: (input: string) => string;
      createScript?: (input: string) => string;
      createScriptURL?: (input: string) => string;
    },
  ): CivicPolicy;
}

/** The policy name the README and CSP headers refer to. */
export const POLICY_NAME = 'civic-widgets';

let policy: CivicPolicy | null | undefined;
let open = 0;

function passWhileOpen(input: string): string {
  if (open === 0) {
    throw new TypeError(
      `${POLICY_NAME}: HTML reaches the page only through src/content/sanitize.ts`,
    );
  }
  return input;
}

function onlyJson(input: string): string {
  // JSON.parse throws for anything that is not JSON, so no script text can be made here.
  JSON.parse(input);
  return input;
}

/**
 * The `civic-widgets` policy, created on first use; `null` where the browser has no
 * Trusted Types, or where the page's CSP does not allow the name (said once on the
 * console; the widgets then show text instead of HTML bodies rather than throw).
 */
export function civicPolicy(): CivicPolicy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') return (policy = null);
  try {
    policy = tt.createPolicy(POLICY_NAME, {
      createHTML: passWhileOpen,
      createScriptURL: passWhileOpen,
      createScript: onlyJson,
    });
  } catch (error) {
    console.warn(
      `civic-widgets: the Trusted Types policy "${POLICY_NAME}" could not be created ` +
        `(add it to the page's trusted-types CSP directive); article bodies are shown as text`,
      error,
    );
    policy = null;
  }
  return policy;
}

/**
 * Whether the page has Trusted Types but refused our policy: HTML parsing would then
 * throw (and each attempt raise a violation report), so bodies are shown as text.
 */
export function policyRefused(): boolean {
  return (
    civicPolicy() === null &&
    typeof (globalThis as { trustedTypes?: unknown }).trustedTypes === 'object' &&
    (globalThis as { trustedTypes?: unknown }).trustedTypes !== null
  );
}

/** Runs the sanitizer with the pass-through open; only `sanitize.ts` calls this. */
export function whileSanitizing<T>(run: () => T): T {
  open++;
  try {
    return run();
  } finally {
    open--;
  }
}

/**
 * JSON for a script element, as a `TrustedScript` when the page uses Trusted Types.
 * Throws, without touching the sink (which would raise a violation report), when the
 * page has Trusted Types and refused our policy.
 */
export function safeScript(json: string): SafeScript {
  const p = civicPolicy();
  if (p) return p.createScript(json);
  if (policyRefused())
    throw new TypeError(`${POLICY_NAME}: the page does not allow this Trusted Types policy`);
  return json;
}
