/**
 * Says where and why a JSON text is broken. Engines word `JSON.parse` errors
 * differently and some give no position at all ("Unexpected end of JSON input"), so
 * after `JSON.parse` fails this re-reads the text with a small RFC 8259 scanner that
 * reports the first problem and its byte offset. Iterative, so a hostile
 * `[[[[…` cannot overflow the stack.
 *
 * Lazy (in the `extras` chunk): the feed error class comes from the runtime.
 */
import type { FeedRuntime } from './runtime.js';

type Needs = Pick<FeedRuntime, 'FeedError'>;

/** The chunk's door (see `src/internal/lazy.ts`). */
export function init(runtime: Needs): { notJson(text: string): Error } {
  return { notJson: (text) => notJson(text, runtime) };
}

/**
 * The error for a text `JSON.parse` refuses: what and at which byte.
 * @param runtime the entry's `FeedError`.
 */
export function notJson(text: string, runtime: Needs): Error {
  let cause: unknown;
  try {
    JSON.parse(text);
  } catch (error) {
    cause = error;
  }
  const found = findJsonError(text);
  const what = found?.what ?? (cause instanceof Error ? cause.message : String(cause));
  // The message lives here, not in errors.ts: only this chunk says it.
  return new runtime.FeedError(`not JSON: ${what} at byte ${found?.byte ?? 0}`, { cause });
}

/** The first syntax problem in `text`, with its UTF-8 byte offset; undefined if none was found. */
export function findJsonError(text: string): { what: string; byte: number } | undefined {
  const found = scan(text);
  if (!found) return undefined;
  return { what: found.what, byte: new TextEncoder().encode(text.slice(0, found.index)).length };
}

function describe(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return c === '"' ? `'"'` : `"${c}"`;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scan(text: string): { what: string; index: number } | undefined {
  const n = text.length;
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const end = { what: 'unexpected end of input', index: n };
  const fail = (what: string, at = i) => ({ what, index: at });
  const ws = () => {
    while (i < n && WS.has(text[i])) i++;
  };

  const string = (): { what: string; index: number } | undefined => {
    i++; // opening quote
    for (;;) {
      if (i >= n) return end;
      const c = text[i];
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        if (i + 1 >= n) return end;
        const e = text[i + 1];
        if ('"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) return end;
            if (!/[0-9a-fA-F]/.test(text[i + k])) return fail(`bad \\u escape in a string`, i + k);
          }
          i += 6;
        } else return fail(`bad escape \\${e} in a string`, i + 1);
      } else if (c.charCodeAt(0) < 0x20) {
        return fail(`unescaped ${describe(c)} in a string`);
      } else i++;
    }
  };

  const key = (): { what: string; index: number } | undefined => {
    if (i >= n) return end;
    if (text[i] !== '"')
      return fail(`expected a property name in double quotes but found ${describe(text[i])}`);
    const e = string();
    if (e) return e;
    ws();
    if (i >= n) return end;
    if (text[i] !== ':')
      return fail(`expected ":" after a property name but found ${describe(text[i])}`);
    i++;
    return undefined;
  };

  for (;;) {
    // A value is expected here.
    ws();
    if (i >= n) return end;
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (i >= n) return end;
      const close = c === '{' ? '}' : ']';
      if (text[i] === close) i++;
      else {
        stack.push(c);
        if (c === '{') {
          const e = key();
          if (e) return e;
        }
        continue;
      }
    } else if (c === '"') {
      const e = string();
      if (e) return e;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) {
        if (i + 1 >= n) return end;
        return fail(`unexpected ${describe(text[i + 1])} in a number`, i + 1);
      }
      i += m[0].length;
      if (i < n && '.eE'.includes(text[i])) {
        let k = i + 1;
        if (text[i] !== '.' && (text[k] === '+' || text[k] === '-')) k++;
        if (k >= n) return end;
        return fail(`unexpected ${describe(text[k])} in a number`, k);
      }
    } else {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
      if (!word) return fail(`unexpected ${describe(c)}`);
      for (let k = 0; k < word.length; k++) {
        if (i + k >= n) return end;
        if (text[i + k] !== word[k]) return fail(`unexpected ${describe(text[i + k])}`, i + k);
      }
      i += word.length;
    }
    // A value ended: close containers or expect the next member.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) {
        return i < n
          ? fail(`unexpected ${describe(text[i])} after the end of the JSON value`)
          : undefined;
      }
      if (i >= n) return end;
      const d = text[i];
      if (d === ',') {
        i++;
        if (top === '{') {
          ws();
          const e = key();
          if (e) return e;
        }
        break;
      }
      if ((top === '{' && d === '}') || (top === '[' && d === ']')) {
        i++;
        stack.pop();
        continue;
      }
      return fail(`expected "," or "${top === '{' ? '}' : ']'}" but found ${describe(d)}`);
    }
  }
}
