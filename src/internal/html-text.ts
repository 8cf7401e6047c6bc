/**
 * HTML read as a string, without a DOM: the text of a fragment, character references,
 * and the fragment with its inline-code attributes cut out.
 *
 * Why not a parser document: every document this page creates (DOMParser,
 * `createHTMLDocument`, a `<template>`) shares the page's CSP, so a `style=` or `onerror=`
 * in a feed raises a `securitypolicyviolation` (and a report) the moment it is parsed,
 * though nothing ever runs; and under Trusted Types every HTML parser is a sink that
 * needs our policy, which a page may not allow. Reading text and dropping two kinds of
 * attributes needs neither.
 *
 * The tokenizer follows the WHATWG tokenizer's tag, attribute, comment and raw-text
 * states. It is not the security boundary (DOMPurify is): where it reads a tag
 * differently from the browser, the cost is a CSP report, never script.
 *
 * Lazy chunks only (the XML readers, the sanitizer, the full card) import this module.
 */

/** Elements whose content is text up to their own end tag (no tags inside). */
const RAW_TEXT = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'textarea',
  'title',
]);
/** Elements whose text is not part of what a reader sees. */
const HIDDEN_TEXT = new Set([
  'script',
  'style',
  'iframe',
  'noembed',
  'noframes',
  'textarea',
  'title',
]);
/** Tags that break a line, so "<p>a</p><p>b</p>" reads "a b", not "ab". */
const BREAKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** One tag as the tokenizer read it; `attrs` are spans of `source`, name lower-cased. */
interface Tag {
  name: string;
  end: boolean;
  attrs: { name: string; start: number; end: number }[];
}

interface Visitor {
  text(start: number, end: number, raw: boolean): void;
  /** A tag from `start` (its `<`) to `end` (after its `>`; for a raw-text element, after its content). */
  tag(tag: Tag, start: number, end: number): void;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isAlpha = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** Reads one tag from `at` (its `<`); returns the tag and the index after its `>`. */
function readTag(s: string, at: number, end: boolean): { tag: Tag; next: number } {
  const n = s.length;
  let j = at + (end ? 2 : 1);
  const nameStart = j;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isSpace(c) || c === 0x2f || c === 0x3e) break;
    j++;
  }
  const tag: Tag = { name: s.slice(nameStart, j).toLowerCase(), end, attrs: [] };
  for (;;) {
    while (j < n && (isSpace(s.charCodeAt(j)) || s.charCodeAt(j) === 0x2f)) j++;
    if (j >= n) return { tag, next: n };
    if (s.charCodeAt(j) === 0x3e) return { tag, next: j + 1 };
    const start = j;
    // The first character of a name may be "=" (the tokenizer allows it, as a name).
    j++;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
      j++;
    }
    const name = s.slice(start, j).toLowerCase();
    let k = j;
    while (k < n && isSpace(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) === 0x3d) {
      k++;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      const q = s.charCodeAt(k);
      if (q === 0x22 || q === 0x27) {
        const close = s.indexOf(q === 0x22 ? '"' : "'", k + 1);
        j = close < 0 ? n : close + 1;
      } else {
        j = k;
        while (j < n && !isSpace(s.charCodeAt(j)) && s.charCodeAt(j) !== 0x3e) j++;
      }
    }
    tag.attrs.push({ name, start, end: j });
  }
}

/** Where the raw text of `<name>` that starts at `from` ends: at its `</name`, else at the end. */
function rawTextEnd(s: string, from: number, name: string): number {
  let i = from;
  for (;;) {
    const lt = s.indexOf('</', i);
    if (lt < 0) return s.length;
    const after = lt + 2 + name.length;
    if (s.slice(lt + 2, after).toLowerCase() === name) {
      const c = s.charCodeAt(after);
      if (after >= s.length || isSpace(c) || c === 0x2f || c === 0x3e) return lt;
    }
    i = lt + 2;
  }
}

/** Walks an HTML fragment: text runs and tags, comments and declarations skipped. Linear. */
function tokenize(s: string, visit: Visitor): void {
  const n = s.length;
  let text = 0;
  let i = 0;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const c = s.charCodeAt(lt + 1);
    let next: number;
    if (isAlpha(c)) {
      if (lt > text) visit.text(text, lt, false);
      const read = readTag(s, lt, false);
      next = read.next;
      const raw = read.tag.name === 'plaintext' ? n : undefined;
      if (raw !== undefined || RAW_TEXT.has(read.tag.name)) {
        const stop = raw ?? rawTextEnd(s, next, read.tag.name);
        visit.tag(read.tag, lt, stop);
        if (stop > next) visit.text(next, stop, true);
        next = stop;
      } else visit.tag(read.tag, lt, next);
    } else if (c === 0x2f && isAlpha(s.charCodeAt(lt + 2))) {
      if (lt > text) visit.text(text, lt, false);
      const read = readTag(s, lt, true);
      next = read.next;
      visit.tag(read.tag, lt, next);
    } else if (c === 0x21 || c === 0x3f || c === 0x2f) {
      // A comment ("<!--", closed by "-->", "--!>", or at once by "<!-->" / "<!--->"),
      // or a bogus comment ("<!doctype", "<?xml", "</ x") up to the next ">".
      if (lt > text) visit.text(text, lt, false);
      if (s.startsWith('<!--', lt)) {
        if (s.startsWith('>', lt + 4)) next = lt + 5;
        else if (s.startsWith('->', lt + 4)) next = lt + 6;
        else {
          // The first "--" that a ">" or "!>" follows, in one scan forward. (Searching for
          // each closer on its own read to the end for the one a comment did not use: a
          // body of 40,000 comments took minutes.)
          let close = s.indexOf('--', lt + 4);
          while (close >= 0 && s[close + 2] !== '>' && !s.startsWith('!>', close + 2))
            close = s.indexOf('--', close + 1);
          next = close < 0 ? n : close + (s[close + 2] === '>' ? 3 : 4);
        }
      } else {
        const close = s.indexOf('>', lt + 2);
        next = close < 0 ? n : close + 1;
      }
    } else {
      // A "<" that starts nothing is text.
      i = lt + 1;
      continue;
    }
    i = text = next;
  }
  if (n > text) visit.text(text, n, false);
}

/**
 * The fragment with every `style` and `on*` attribute and every `<style>` element (its
 * text up to `</style>`) removed, all else byte for byte. The sanitizer removes them
 * too; removing them before it parses means the page's CSP never sees them, so a strict
 * site gets no violation reports for a news body.
 */
export function dropInlineCode(markup: string): string {
  if (!/(?:style|on[a-z])/i.test(markup)) return markup;
  const cuts: [number, number][] = [];
  tokenize(markup, {
    text() {},
    tag(tag, start, end) {
      if (tag.end) return;
      if (tag.name === 'style') cuts.push([start, end]);
      else
        for (const a of tag.attrs)
          if (a.name === 'style' || a.name.startsWith('on')) cuts.push([a.start, a.end]);
    },
  });
  if (!cuts.length) return markup;
  let out = '';
  let from = 0;
  for (const [start, end] of cuts) {
    // A space keeps the neighbours apart: `a="1"style="x"b` must not become `a="1"b`.
    out += `${markup.slice(from, start)} `;
    from = end;
  }
  return out + markup.slice(from);
}

/**
 * The text a reader sees in an HTML fragment: tags gone, character references decoded,
 * script and style content dropped, whitespace collapsed. Where a block or line break
 * was there is a space; with `paragraphs`, a blank line between blocks and a line break
 * for `<br>` instead (the form `textParagraphs` in render-body.ts splits).
 */
export function htmlText(markup: string, paragraphs = false): string {
  if (!/[<&]/.test(markup)) return markup.replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  let hiddenUntil: string | undefined;
  let templates = 0;
  tokenize(markup, {
    text(start, end, raw) {
      if (hiddenUntil !== undefined || templates > 0) return;
      const piece = markup.slice(start, end);
      // Raw text here is only <xmp>'s: shown as written (the others are hidden).
      parts.push((raw ? piece : decodeHtml(piece)).replace(/\s+/g, ' '));
    },
    tag(tag) {
      if (tag.name === 'template') templates = Math.max(0, templates + (tag.end ? -1 : 1));
      if (!tag.end && HIDDEN_TEXT.has(tag.name)) hiddenUntil = tag.name;
      else if (tag.end && tag.name === hiddenUntil) hiddenUntil = undefined;
      if (BREAKS.has(tag.name) && hiddenUntil === undefined && templates === 0)
        parts.push(!paragraphs ? ' ' : tag.name === 'br' ? '\n' : '\n\n');
    },
  });
  const text = parts.join('');
  if (!paragraphs) return text.replace(/ +/g, ' ').trim();
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** HTML 4's named references, which are the ones feeds use (HTML5 adds 2,000 more; not worth their weight here). */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const OTHERS =
  'quot:22 amp:26 lt:3c gt:3e apos:27 OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 fnof:192 circ:2c6 tilde:2dc Alpha:391 Beta:392 Gamma:393 Delta:394 Epsilon:395 Zeta:396 Eta:397 Theta:398 Iota:399 Kappa:39a Lambda:39b Mu:39c Nu:39d Xi:39e Omicron:39f Pi:3a0 Rho:3a1 Sigma:3a3 Tau:3a4 Upsilon:3a5 Phi:3a6 Chi:3a7 Psi:3a8 Omega:3a9 alpha:3b1 beta:3b2 gamma:3b3 delta:3b4 epsilon:3b5 zeta:3b6 eta:3b7 theta:3b8 iota:3b9 kappa:3ba lambda:3bb mu:3bc nu:3bd xi:3be omicron:3bf pi:3c0 rho:3c1 sigmaf:3c2 sigma:3c3 tau:3c4 upsilon:3c5 phi:3c6 chi:3c7 psi:3c8 omega:3c9 thetasym:3d1 upsih:3d2 piv:3d6 ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d lrm:200e rlm:200f ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e dagger:2020 Dagger:2021 bull:2022 hellip:2026 permil:2030 prime:2032 Prime:2033 lsaquo:2039 rsaquo:203a oline:203e frasl:2044 euro:20ac image:2111 weierp:2118 real:211c trade:2122 alefsym:2135 larr:2190 uarr:2191 rarr:2192 darr:2193 harr:2194 crarr:21b5 lArr:21d0 uArr:21d1 rArr:21d2 dArr:21d3 hArr:21d4 forall:2200 part:2202 exist:2203 empty:2205 nabla:2207 isin:2208 notin:2209 ni:220b prod:220f sum:2211 minus:2212 lowast:2217 radic:221a prop:221d infin:221e ang:2220 and:2227 or:2228 cap:2229 cup:222a int:222b there4:2234 sim:223c cong:2245 asymp:2248 ne:2260 equiv:2261 le:2264 ge:2265 sub:2282 sup:2283 nsub:2284 sube:2286 supe:2287 oplus:2295 otimes:2297 perp:22a5 sdot:22c5 lceil:2308 rceil:2309 lfloor:230a rfloor:230b lang:27e8 rang:27e9 loz:25ca spades:2660 clubs:2663 hearts:2665 diams:2666';

let named: Map<string, string> | undefined;

/** The character a named reference stands for (HTML 4's names), else undefined. A Map: no inherited keys. */
export function namedCharacter(name: string): string | undefined {
  if (!named) {
    named = new Map();
    LATIN1.split(' ').forEach((n, i) => named!.set(n, String.fromCharCode(0xa0 + i)));
    for (const pair of OTHERS.split(' ')) {
      const [n, hex] = pair.split(':');
      named.set(n, String.fromCodePoint(parseInt(hex, 16)));
    }
  }
  return named.get(name);
}

/** What HTML reads `&#128;`-`&#159;` as: the windows-1252 characters old feeds meant. */
const C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The character of a numeric reference; U+FFFD for one no document may hold. */
export function numericCharacter(digits: string, hex: boolean): string {
  const code = digits.length > 8 ? Infinity : parseInt(digits, hex ? 16 : 10);
  if (code >= 0x80 && code <= 0x9f) return C1[code - 0x80];
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/**
 * Character references in HTML text: numeric, and HTML 4's names (unknown names stay as
 * written). Without its ";" a name is read only where HTML reads it too: the Latin-1
 * names and amp, lt, gt, quot.
 */
export function decodeHtml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    // Leading zeros are allowed (`&#x00041;` is "A"), and are not digits of the number.
    /&(?:#0*(\d{1,10})|#[xX]0*([\da-fA-F]{1,8})|([A-Za-z][A-Za-z\d]{0,31}));?/g,
    (whole, dec?: string, hex?: string, name?: string) => {
      if (name === undefined) return numericCharacter(dec ?? hex!, dec === undefined);
      const c = namedCharacter(name);
      if (c === undefined) return whole;
      const legacy = c.charCodeAt(0) >= 0xa0 ? c.charCodeAt(0) <= 0xff : '&<>"'.includes(c);
      return whole.endsWith(';') || legacy ? c : whole;
    },
  );
}
