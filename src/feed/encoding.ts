/**
 * A feed body's bytes to text when they may not be UTF-8 (in the lazy XML chunk: the
 * entry reads UTF-8 itself and asks here only when the bytes or the headers hint at
 * something else, see `bodyText` in `read.ts`).
 *
 * The encoding is found the way XML 1.0 (Appendix F) and RFC 7303 say, in this order:
 * 1. a byte order mark (UTF-8, UTF-16 or UTF-32, either byte order);
 * 2. the byte pattern of `<` or `{` in UTF-16 or UTF-32 without a mark (`00 3C 00 3F`…);
 * 3. the HTTP `Content-Type` charset;
 * 4. the `encoding` of the XML declaration;
 * 5. UTF-8.
 * Labels are the WHATWG Encoding Standard's, as `TextDecoder` knows them (`latin1` and
 * `iso-8859-1` are windows-1252 there, as in every browser). Two lenient steps, as feed
 * readers take them: a document's own declaration wins over a header naming the servers'
 * default charset (`iso-8859-1`, which servers add to every answer), as does one that
 * declares UTF-8 and is valid UTF-8 over any legacy header, and a candidate the bytes are not valid in is passed over for the next one
 * (a header saying UTF-8 over a windows-1258 file that says so itself). When no label
 * fits and the bytes are not UTF-8 at all (not one valid sequence), they are read as
 * windows-1252, the Web's default for unlabelled legacy text; UTF-8 with a damaged byte
 * stays UTF-8. JSON is always UTF-8 (RFC 8259), whatever the header says.
 */

const hasUtf8Bom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** The encoding the first bytes say (a byte order mark, or Appendix F's patterns), if any. */
function byPattern(b: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = b;
  if (hasUtf8Bom(b)) return 'utf-8';
  // UTF-32LE's mark starts like UTF-16LE's: the longer one first (U+0000 is no XML character).
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b.length < 4) return undefined;
  // Appendix F without a mark: the zero bytes around the first character (`<`, `{` or
  // whitespace, all below 0x80) tell the width and the byte order.
  const zero = (i: number) => b[i] === 0;
  if (zero(0) && zero(1) && zero(2) && !zero(3)) return 'utf-32be';
  if (!zero(0) && zero(1) && zero(2) && zero(3)) return 'utf-32le';
  if (zero(0) && !zero(1) && zero(2) && !zero(3)) return 'utf-16be';
  if (!zero(0) && zero(1) && !zero(2) && zero(3)) return 'utf-16le';
  return undefined;
}

/** The `charset` parameter of a Content-Type, unquoted; undefined when there is none. */
export function httpCharset(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  // Parameters split by hand: a regex over a hostile header is what issue #10 removed.
  for (const param of contentType.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"([^"]*)"$/, '$1')
      .trim();
    return value || undefined;
  }
  return undefined;
}

/** `encoding = "…"` in an XML declaration, tried where the word starts (sticky). */
const DECLARED = /encoding\s*=\s*(["'])([A-Za-z][\w.:-]{0,39})\1/y;

/**
 * The `encoding` of an XML declaration at the very start of `bytes` (after a UTF-8 byte
 * order mark), for an ASCII-compatible encoding; undefined when there is none.
 */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const start = hasUtf8Bom(bytes) ? 3 : 0;
  // The declaration is short and ASCII: its first 200 bytes, one character per byte.
  const head = String.fromCharCode(...bytes.subarray(start, start + 200));
  if (!head.startsWith('<?xml')) return undefined;
  const end = head.indexOf('?>');
  const at = head.indexOf('encoding');
  if (at < 0 || (end >= 0 && at > end)) return undefined;
  DECLARED.lastIndex = at;
  return DECLARED.exec(head)?.[2];
}

/**
 * The canonical name `TextDecoder` gives a label (`latin1` → `windows-1252`, `ucs-2` →
 * `utf-16le`), or undefined for a label it does not know: one outside the Encoding
 * Standard (UTF-32 included, which is only ever read by its byte pattern here), or one it
 * maps to "replacement" (ISO-2022-KR…), which no text can be read in.
 */
function canonical(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** Whether an encoding reads ASCII as ASCII (false for UTF-16 and UTF-32). */
const isAsciiCompatible = (encoding: string) => !/^utf-(?:16|32)/.test(encoding);

/**
 * UTF-32 by hand (`TextDecoder` does not know it: the Encoding Standard dropped it). A
 * value out of range, a surrogate or a trailing partial unit reads as U+FFFD.
 */
function decodeUtf32(bytes: Uint8Array, encoding: 'utf-32le' | 'utf-32be'): string {
  const little = encoding === 'utf-32le';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let units: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const c = view.getUint32(i, little);
    units.push(c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? 0xfffd : c);
    // In slices: a call with a million arguments would overflow the stack.
    if (units.length === 8192) {
      parts.push(String.fromCodePoint(...units));
      units = [];
    }
  }
  parts.push(String.fromCodePoint(...units));
  if (bytes.length % 4) parts.push('\ufffd');
  const text = parts.join('');
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** The text in `encoding`, or undefined when the bytes are not valid in it. */
function strict(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Non-ASCII text other than U+FFFD: UTF-8 that is there, even if damaged elsewhere. */
const REAL_UTF8 = /[^\0-\x7f\ufffd]/;

/**
 * The encodings an ASCII-compatible body declares (the HTTP charset, then the XML
 * declaration), best first and always ending in UTF-8; none for JSON, which is UTF-8.
 */
function declared(bytes: Uint8Array, contentType?: string | null): string[] {
  let i = hasUtf8Bom(bytes) ? 3 : 0;
  while (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09) i++;
  // JSON (`{` or `[` first) is UTF-8 by RFC 8259; a header saying otherwise is wrong.
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return [];
  const http = canonical(httpCharset(contentType));
  const own = canonical(declaredEncoding(bytes));
  // A header naming the servers' default (`iso-8859-1` or `us-ascii`, windows-1252 both)
  // says nothing of this document when it names its own encoding: that comes first (a
  // windows-1258 feed under Apache's default charset read as mojibake, silently).
  const order = http === 'windows-1252' && own ? [own, http] : [http, own];
  // UTF-16 or UTF-32 named over ASCII-compatible bytes is a wrong label: passed over.
  const out = order.filter((e): e is string => !!e && isAsciiCompatible(e));
  // A document that says UTF-8 itself, and is, wins over a header naming a legacy charset.
  if (own === 'utf-8') out.unshift('utf-8');
  else out.push('utf-8');
  return [...new Set(out)];
}

/**
 * A feed body's bytes as text, in the encoding the rules above find. Never throws: bytes
 * invalid in every candidate are read as UTF-8 with U+FFFD for the bad ones. Text read
 * from windows-1258 (Vietnamese, which writes tone marks as combining characters) is
 * composed (NFC), so "ệ" is one character as in UTF-8 feeds.
 * @param contentType the response's Content-Type header, whose charset counts.
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string | null): string {
  // A mark or a UTF-16/32 pattern is the document's own word: no header overrides it.
  const label = byPattern(bytes);
  if (label === 'utf-32le' || label === 'utf-32be') return decodeUtf32(bytes, label);
  if (label) return new TextDecoder(label).decode(bytes);
  const list = declared(bytes, contentType);
  for (const encoding of list) {
    const text = strict(bytes, encoding);
    if (text !== undefined) return encoding === 'windows-1258' ? text.normalize('NFC') : text;
  }
  const lossy = new TextDecoder().decode(bytes);
  // Not one valid UTF-8 sequence among the non-ASCII bytes: a legacy file whose label is
  // missing or wrong, read as the Web's default. UTF-8 with a damaged byte stays UTF-8.
  if (list.length && !REAL_UTF8.test(lossy)) return new TextDecoder('windows-1252').decode(bytes);
  return lossy;
}
