/**
 * Markdown (marked) and the HTML sanitizer (DOMPurify), for article bodies. Only
 * `render-body.ts` imports this file, and only the full card's lazy chunk imports that,
 * so pages that only show lists and summaries never download either library.
 */
import { Marked } from 'marked';
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { dropInlineCode } from '../internal/html-text.js';
import {
  POLICY_NAME,
  civicPolicy,
  policyRefused,
  whileSanitizing,
  type SafeHtml,
} from '../internal/policy.js';

// Our own instances: a host page that configures the global `marked` or adds DOMPurify
// hooks must not change what we render, and our hooks must not change what it renders.
const markdown = new Marked({ gfm: true, breaks: false, async: false });
let purifier: DOMPurify | undefined;

/** Attributes that hold one URL. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'cite',
  'poster',
  'background',
  'longdesc',
  'usemap',
  'xlink:href',
  'action',
  'formaction',
  'data',
]);
/** Attributes that hold a list of `url descriptor` candidates. */
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);

/**
 * The one allow-list for feed HTML. What is left out, and why:
 * - scripts, event handlers (DOMPurify's defaults), `javascript:`/`data:` and every other
 *   non-http(s)/mailto URL: they run code or smuggle content;
 * - forms and controls: a news body has no business asking for input (phishing);
 * - iframes, objects, embeds, SVG and MathML: other documents and parser quirks;
 * - `style` elements and attributes: a strict CSP host blocks them anyway, and they could
 *   restyle the card around the body;
 * - `slot`: inside our shadow root it would pull the host's light DOM into the body;
 * - `id`, `name`, `class`: they could collide with the card's own ids and classes
 *   (its aria-labelledby, its block-link overlay); `part` and `exportparts` likewise
 *   with its parts, which the site's `::part()` styles would then give feed text;
 * - `role` and `aria-*`: a body's `role="heading"` or `role="alert"` would outrank the
 *   card's outline (its headings are shifted below the title) or interrupt a reader, and
 *   an `aria-label` would give a link a name its text does not show;
 * - `autoplay` and `loop`: sound a visitor did not ask for (media keep their controls and
 *   load nothing until played, see the hook);
 * - `canvas`, and `width`, `height`, `nowrap` on anything but pictures and videos (which
 *   the card's styles keep within its width): `<table width="3000">` pushed a phone's
 *   page sideways;
 * - `download`: a link that saves a file of the feed's naming.
 */
const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'form',
    'input',
    'button',
    'select',
    'option',
    'optgroup',
    'textarea',
    'datalist',
    'output',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'portal',
    'fencedframe',
    'style',
    'link',
    'meta',
    'base',
    'slot',
    'template',
    'dialog',
    'noscript',
    'canvas',
  ],
  FORBID_ATTR: [
    'style',
    'class',
    'id',
    'name',
    'form',
    'formaction',
    'action',
    'srcdoc',
    'target',
    'ping',
    'autofocus',
    'tabindex',
    'popover',
    'popovertarget',
    'slot',
    'is',
    'part',
    'exportparts',
    'role',
    'autoplay',
    'loop',
    'nowrap',
    'download',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Only http, https and mailto, or no scheme at all (relative). The hook below also
  // refuses data: URIs, which DOMPurify would otherwise allow on images.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

/**
 * The rule of `checkUrl` (src/feed/values.ts): http, https, mailto or relative. Restated
 * here because this lazy chunk must not import the entry's modules (see src/internal/lazy.ts).
 */
function isSafeUrl(value: string): boolean {
  const text = value.trim();
  if (text === '') return false;
  try {
    return /^(?:https?|mailto):$/.test(new URL(text).protocol);
  } catch {
    // Relative (not absolute as written): safe when it is a URL at all.
    try {
      return !!new URL(text, 'http://h/');
    } catch {
      return false;
    }
  }
}

function isSafeSrcset(value: string): boolean {
  // Candidates are "url [descriptor]" separated by commas; every URL must pass.
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .every((url) => url === '' || isSafeUrl(url));
}

function isOtherSite(href: string): boolean {
  try {
    const url = new URL(href, document.baseURI);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin
    );
  } catch {
    return false;
  }
}

/** What the body's relative URLs resolve against while one body is sanitized (see `sanitizeHtml`). */
let bodyBase: string | undefined;

/** `value` resolved against `bodyBase` when it is relative (not a `#fragment`, which stays). */
function resolved(value: string): string {
  const text = value.trim();
  if (!bodyBase || !text || text.startsWith('#')) return value;
  try {
    return new URL(text, bodyBase).href;
  } catch {
    return value;
  }
}

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const p = createDOMPurify(window);
  p.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    if (name.startsWith('on')) data.keepAttr = false;
    else if ((name === 'width' || name === 'height') && !/^(?:img|video)$/i.test(node.nodeName))
      data.keepAttr = false;
    else if (URL_ATTRIBUTES.has(name) && !isSafeUrl(data.attrValue)) data.keepAttr = false;
    else if (SRCSET_ATTRIBUTES.has(name) && !isSafeSrcset(data.attrValue)) data.keepAttr = false;
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    // Relative URLs point where the publisher meant, beside the article, not into the page
    // that shows it (`<img src="anh/a.png">` from another agency's feed was asked of the
    // host site). Only kept attributes are here: every one passed the URL rule above.
    if (bodyBase && node instanceof Element) {
      for (const name of ['href', 'src', 'poster', 'cite']) {
        const value = node.getAttribute(name);
        if (value !== null) node.setAttribute(name, resolved(value));
      }
      const srcset = node.getAttribute('srcset');
      if (srcset !== null)
        node.setAttribute(
          'srcset',
          srcset
            .split(',')
            .map((candidate) => candidate.trim().replace(/^\S+/, resolved))
            .join(', '),
        );
    }
    if (node instanceof HTMLAnchorElement || node instanceof HTMLAreaElement) {
      const href = node.getAttribute('href');
      if (href !== null && isOtherSite(href)) node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node instanceof HTMLMediaElement) {
      // Played only by the visitor, with the controls to stop it, loading nothing before.
      node.setAttribute('controls', '');
      node.setAttribute('preload', 'none');
    }
    if (node instanceof HTMLImageElement) {
      // An image the feed gave no text alternative is announced by its file name, which
      // helps nobody; alt="" lets readers skip it (the article text carries the news).
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
      // Images far down a long article should not hold up the page.
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
    }
  });
  return (purifier = p);
}

/** The module's door when loaded lazily (see `src/internal/lazy.ts`): it needs no runtime. */
export function init(): {
  sanitizeHtml: typeof sanitizeHtml;
  markdownToHtml: typeof markdownToHtml;
} {
  return { sanitizeHtml, markdownToHtml };
}

/**
 * Sanitized HTML, as a `TrustedHTML` from the `civic-widgets` policy where the page has
 * Trusted Types, else as a string; its relative URLs resolved against `base` (the
 * article's own address) when one is given. Throws when the page has Trusted Types and forbids
 * our policy (before any parsing, so nothing is reported); the caller then shows text.
 *
 * `style` and `on*` attributes are cut out of the string before DOMPurify parses it:
 * every document of this page (DOMPurify's included) shares the page's CSP, which
 * reports each such attribute as it is parsed, though none would ever apply or run.
 */
export function sanitizeHtml(dirty: string, base?: string): SafeHtml {
  if (policyRefused())
    throw new TypeError(`${POLICY_NAME}: the page does not allow this Trusted Types policy`);
  const purify = getPurifier();
  const policy = civicPolicy();
  const input = dropInlineCode(dirty);
  bodyBase = base;
  try {
    return whileSanitizing(() =>
      policy
        ? (purify.sanitize(input, {
            ...CONFIG,
            TRUSTED_TYPES_POLICY: policy as unknown as Config['TRUSTED_TYPES_POLICY'],
            RETURN_TRUSTED_TYPE: true,
          }) as unknown as SafeHtml)
        : purify.sanitize(input, { ...CONFIG, TRUSTED_TYPES_POLICY: null as unknown as undefined }),
    );
  } finally {
    bodyBase = undefined;
  }
}

/** Markdown to sanitized HTML: marked leaves raw HTML in Markdown as it is, so it goes through the same sanitizer. */
export function markdownToHtml(text: string, base?: string): SafeHtml {
  return sanitizeHtml(markdown.parse(text, { async: false }), base);
}
