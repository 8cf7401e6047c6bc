import { expect } from '@open-wc/testing';
import { recall } from '../../src/feed/memory.js';
import { forget, remember } from '../../src/feed/memory-write.js';
import type { Remembered } from '../../src/feed/memory.js';

/** A real Storage-shaped map whose quota a test can set, like a site that filled localStorage. */
class QuotaStorage implements Storage {
  private readonly map = new Map<string, string>();
  constructor(private readonly quotaChars: number) {}
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quotaChars)
      throw new DOMException('full', 'QuotaExceededError');
    this.map.set(key, value);
  }
  [name: string]: unknown;
}

/** Storage as a page with storage disabled sees it: every call throws. */
const disabled = new Proxy({} as Storage, {
  get() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
});

/** Copies are dated in the last hours (n hours ago, whole hours): within the 30-day age limit. */
const HOUR = 3600_000;
const base = Math.floor(Date.now() / HOUR) * HOUR;
const doc = (n: number, size = 100): Remembered => ({
  url: `https://congan.tinh.example/feed-${n}.json`,
  text: `{"items":[],"pad":"${'x'.repeat(size)}"}`,
  contentType: 'application/feed+json',
  // The larger n, the newer: eviction order follows n.
  fetchedAt: new Date(base - (10 - n) * HOUR),
});
const DAY = 24 * HOUR;

describe('memory', () => {
  afterEach(() => forget());

  describe('when a feed is remembered', () => {
    it('gives back its text, content type and fetch time', () => {
      expect(remember(doc(1))).to.equal(true);
      const back = recall(doc(1).url)!;
      expect(back.text).to.equal(doc(1).text);
      expect(back.contentType).to.equal('application/feed+json');
      expect(back.fetchedAt).to.be.instanceOf(Date);
      expect(back.fetchedAt.getTime()).to.equal(base - 9 * HOUR);
      expect(recall('https://congan.tinh.example/other.json')).to.equal(undefined);
    });

    it('ignores a corrupted entry', () => {
      localStorage.setItem(`civic-widgets:feed:${doc(2).url}`, '{"text": 5');
      expect(recall(doc(2).url)).to.equal(undefined);
    });
  });

  describe('when a copy is too old or wrongly dated', () => {
    const at = (fetchedAt: unknown, url = doc(7).url) =>
      localStorage.setItem(
        `civic-widgets:feed:${url}`,
        JSON.stringify({ url, text: '{"items":[]}', fetchedAt }),
      );

    it('refuses a copy older than 30 days, and forgets it', () => {
      at(Date.now() - 31 * DAY);
      expect(recall(doc(7).url)).to.equal(undefined);
      expect(localStorage.getItem(`civic-widgets:feed:${doc(7).url}`)).to.equal(null);
      at(Date.now() - 29 * DAY);
      expect(recall(doc(7).url)?.fetchedAt).to.be.instanceOf(Date);
    });

    it('takes a maxAge of its caller', () => {
      at(Date.now() - 2 * HOUR);
      expect(recall(doc(7).url, { maxAge: 3 * HOUR })).not.to.equal(undefined);
      expect(recall(doc(7).url, { maxAge: HOUR })).to.equal(undefined);
    });

    it('refuses fetchedAt values that are no time or in the future: 1e20, NaN, strings, next week', () => {
      for (const bad of [1e20, -1e20, 'NaN', null, '2020-07-16', Date.now() + 7 * DAY]) {
        at(bad);
        expect(recall(doc(7).url), String(bad)).to.equal(undefined);
      }
      // A clock a minute ahead (another tab, a corrected clock) is not an attack.
      at(Date.now() + 60_000);
      expect(recall(doc(7).url)).not.to.equal(undefined);
    });
  });

  describe('when the cap is reached', () => {
    it('drops the oldest copies first', () => {
      const storage = new QuotaStorage(1e6);
      // Each entry is about 980 bytes (UTF-16): room for three, not four.
      const maxBytes = 3200;
      for (const n of [3, 1, 2, 4]) remember(doc(n, 300), { storage, maxBytes });
      expect(recall(doc(1).url, { storage })).to.equal(undefined);
      expect(recall(doc(2).url, { storage })).not.to.equal(undefined);
      expect(recall(doc(3).url, { storage })).not.to.equal(undefined);
      expect(recall(doc(4).url, { storage })).not.to.equal(undefined);
    });

    it('does not store a document bigger than the cap', () => {
      expect(remember(doc(5, 5000), { maxBytes: 2000 })).to.equal(false);
      expect(recall(doc(5).url)).to.equal(undefined);
    });
  });

  describe('when storage is full or disabled', () => {
    it('gives up its own oldest copies to fit, and never throws', () => {
      const storage = new QuotaStorage(1500);
      expect(remember(doc(1, 500), { storage })).to.equal(true);
      expect(remember(doc(2, 500), { storage })).to.equal(true);
      // The site's own data leaves no room for both.
      expect(remember(doc(3, 500), { storage })).to.equal(true);
      expect(recall(doc(1).url, { storage })).to.equal(undefined);
      expect(recall(doc(3).url, { storage })).not.to.equal(undefined);
      expect(remember(doc(4, 5000), { storage })).to.equal(false);
    });

    it('works in the real localStorage when the site filled it', () => {
      const filler = 'civic-test-filler';
      let size = 6_000_000;
      // Fill the real quota (its size differs between browsers) with one big site value.
      for (;;) {
        try {
          localStorage.setItem(filler, 'x'.repeat(size));
          break;
        } catch {
          size -= 250_000;
        }
      }
      try {
        for (let chunk = 50_000; chunk >= 1; chunk = Math.floor(chunk / 2)) {
          try {
            for (;;)
              localStorage.setItem(`${filler}-${chunk}-${localStorage.length}`, 'y'.repeat(chunk));
          } catch {
            // this chunk size no longer fits; try smaller
          }
        }
        expect(() => remember(doc(6, 2000))).not.to.throw();
        expect(remember(doc(6, 2000))).to.equal(false);
        expect(recall(doc(6).url)).to.equal(undefined);
      } finally {
        for (let i = localStorage.length - 1; i >= 0; i--) {
          const k = localStorage.key(i);
          if (k?.startsWith(filler)) localStorage.removeItem(k);
        }
      }
      expect(remember(doc(6, 2000))).to.equal(true);
    });

    it('treats disabled storage as remembering nothing', () => {
      expect(remember(doc(7), { storage: disabled })).to.equal(false);
      expect(recall(doc(7).url, { storage: disabled })).to.equal(undefined);
      expect(() => forget(undefined, { storage: disabled })).not.to.throw();
      expect(remember(doc(7), { storage: null })).to.equal(false);
    });
  });
});
