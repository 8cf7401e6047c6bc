import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import fc from 'fast-check';
import { countUrl, privacySignal, readAnswer } from '../../src/counter/client.js';
import { loadCount } from '../../src/counter/load-count.js';
import { counterRuntime } from '../../src/counter/runtime.js';
import { CounterError } from '../../src/counter/errors.js';

/** One request the test endpoint saw (see tests/server/view-counter.mjs). */
interface Seen {
  method: string;
  mode: string;
  id: string | null;
  query: string;
  body: string | null;
  cookie: string | null;
  referer: string | null;
  contentType: string | null;
}

/** A fresh bucket of the test endpoint: its own counts and request log. */
function bucket() {
  const name = crypto.randomUUID();
  const root = `/counter-api/${name}`;
  return {
    url: (mode = 'ok') => `${root}/${mode}`,
    log: async (): Promise<Seen[]> => (await fetch(`${root}/log`)).json() as Promise<Seen[]>,
    seed: (id: string, views: number) =>
      fetch(`${root}/seed`, { method: 'POST', body: JSON.stringify({ id, views }) }),
    release: () => fetch(`${root}/release`, { method: 'POST' }),
  };
}

async function failure(promise: Promise<unknown>): Promise<CounterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CounterError);
    return error as CounterError;
  }
  throw new Error('expected the request to fail');
}

/** Sets a navigator property for one test; returns the undo. */
function setNavigator(name: string, value: unknown): () => void {
  Object.defineProperty(navigator, name, { value, configurable: true });
  return () => {
    delete (navigator as unknown as Record<string, unknown>)[name];
  };
}

describe('counter client', () => {
  describe('when reading a count (GET)', () => {
    it('asks GET {endpoint}?id= and returns the validated count', async () => {
      const b = bucket();
      await b.seed('2019-antq-ket-qua', 2007);
      const answer = await loadCount({ endpoint: b.url(), id: '2019-antq-ket-qua' });
      expect(answer.views).to.equal(2007);
      expect(answer.counted).to.be.false;
      expect(answer.url).to.equal(new URL(`${b.url()}?id=2019-antq-ket-qua`, location.href).href);
      const log = await b.log();
      expect(log.map((r) => [r.method, r.query])).to.deep.equal([['GET', 'id=2019-antq-ket-qua']]);
    });

    it('encodes the id and keeps the endpoint’s own query parameters', async () => {
      const b = bucket();
      const id = 'tin tức/1?x=&y';
      await loadCount({ endpoint: `${b.url()}?site=ca-tinh#frag`, id });
      const [seen] = await b.log();
      expect(seen.id).to.equal(id);
      expect(new URLSearchParams(seen.query).get('site')).to.equal('ca-tinh');
      expect(countUrl('/c?site=1', 'a b')).to.equal(
        new URL('/c?site=1&id=a+b', location.href).href,
      );
    });

    it('shares one request between callers asking the same thing at once', async () => {
      const b = bucket();
      const [one, two] = await Promise.all([
        loadCount({ endpoint: b.url(), id: 'x' }),
        loadCount({ endpoint: b.url(), id: 'x' }),
      ]);
      expect(one.views).to.equal(two.views);
      expect((await b.log()).length).to.equal(1);
    });
  });

  describe('when it comes to privacy', () => {
    afterEach(() => {
      document.cookie = 'civic-counter-test=; path=/; max-age=0';
    });

    it('sends no cookie, although a plain fetch to the same endpoint would', async () => {
      document.cookie = 'civic-counter-test=1; path=/';
      const b = bucket();
      // The probe proves the cookie really is there for this origin.
      await fetch(`${b.url()}?id=probe`);
      await loadCount({ endpoint: b.url(), id: 'read' });
      await loadCount({ endpoint: b.url(), id: 'hit', hit: true });
      const log = await b.log();
      expect(log.find((r) => r.id === 'probe')!.cookie).to.contain('civic-counter-test=1');
      expect(log.filter((r) => r.id !== 'probe').map((r) => r.cookie)).to.deep.equal([null, null]);
    });

    it('sends no Referer, although a plain fetch would', async () => {
      const b = bucket();
      await fetch(`${b.url()}?id=probe`);
      await loadCount({ endpoint: b.url(), id: 'read' });
      await loadCount({ endpoint: b.url(), id: 'hit', hit: true });
      const log = await b.log();
      expect(log.find((r) => r.id === 'probe')!.referer).to.be.a('string');
      expect(log.filter((r) => r.id !== 'probe').map((r) => r.referer)).to.deep.equal([null, null]);
    });

    it('records no view under Global Privacy Control: GET only', async () => {
      const undo = setNavigator('globalPrivacyControl', true);
      try {
        expect(privacySignal()).to.be.true;
        const b = bucket();
        const answer = await loadCount({ endpoint: b.url(), id: 'gpc', hit: true });
        expect(answer).to.include({ views: 2006, counted: false });
        expect((await b.log()).map((r) => r.method)).to.deep.equal(['GET']);
      } finally {
        undo();
      }
    });

    it('records no view under Do Not Track: GET only', async () => {
      const undo = setNavigator('doNotTrack', '1');
      try {
        expect(privacySignal()).to.be.true;
        const b = bucket();
        await loadCount({ endpoint: b.url(), id: 'dnt', hit: true });
        expect((await b.log()).map((r) => r.method)).to.deep.equal(['GET']);
      } finally {
        undo();
      }
    });

    it('treats DNT "0" and GPC false as no signal', () => {
      const undoDnt = setNavigator('doNotTrack', '0');
      const undoGpc = setNavigator('globalPrivacyControl', false);
      try {
        expect(privacySignal()).to.be.false;
      } finally {
        undoDnt();
        undoGpc();
      }
    });
  });

  describe('when recording a view (hit)', () => {
    it('POSTs {"id"} as JSON and returns the count the answer carries', async () => {
      const b = bucket();
      await b.seed('a', 2006);
      const answer = await loadCount({ endpoint: b.url(), id: 'a', hit: true });
      expect(answer).to.include({ views: 2007, counted: true });
      const [post] = await b.log();
      expect(post).to.include({ method: 'POST', query: '', contentType: 'application/json' });
      expect(JSON.parse(post.body!)).to.deep.equal({ id: 'a' });
    });

    it('POSTs once per session: the next call only reads', async () => {
      const b = bucket();
      await loadCount({ endpoint: b.url(), id: 'a', hit: true });
      const again = await loadCount({ endpoint: b.url(), id: 'a', hit: true });
      expect(again).to.include({ views: 2007, counted: false });
      expect((await b.log()).map((r) => r.method)).to.deep.equal(['POST', 'GET']);
    });

    it('remembers across a reload (a fresh copy of the module, same sessionStorage)', async () => {
      const b = bucket();
      await loadCount({ endpoint: b.url(), id: 'a', hit: true });
      const fresh = (await import(
        /* @vite-ignore */ `../../src/counter/client.ts?reload=${crypto.randomUUID()}`
      )) as typeof import('../../src/counter/client.js');
      const again = fresh.init(counterRuntime).loadCount;
      expect(again).not.to.equal(loadCount);
      await again({ endpoint: b.url(), id: 'a', hit: true });
      expect((await b.log()).map((r) => r.method)).to.deep.equal(['POST', 'GET']);
    });

    it('counts each item and each endpoint on its own', async () => {
      const b = bucket();
      const c = bucket();
      await loadCount({ endpoint: b.url(), id: 'a', hit: true });
      await loadCount({ endpoint: b.url(), id: 'b', hit: true });
      await loadCount({ endpoint: c.url(), id: 'a', hit: true });
      expect((await b.log()).map((r) => `${r.method} ${r.id}`)).to.deep.equal(['POST a', 'POST b']);
      expect((await c.log()).map((r) => r.method)).to.deep.equal(['POST']);
    });

    it('sends one POST when two counters hit the same item at once', async () => {
      const b = bucket();
      const answers = await Promise.all([
        loadCount({ endpoint: b.url(), id: 'a', hit: true }),
        loadCount({ endpoint: b.url(), id: 'a', hit: true }),
      ]);
      expect(answers.map((a) => a.views)).to.deep.equal([2007, 2007]);
      expect((await b.log()).map((r) => r.method)).to.deep.equal(['POST']);
    });

    it('still counts once when sessionStorage throws on every access', async () => {
      const getItem = sinon
        .stub(Storage.prototype, 'getItem')
        .throws(new DOMException('denied', 'SecurityError'));
      const setItem = sinon
        .stub(Storage.prototype, 'setItem')
        .throws(new DOMException('full', 'QuotaExceededError'));
      try {
        const b = bucket();
        const first = await loadCount({ endpoint: b.url(), id: 'a', hit: true });
        const second = await loadCount({ endpoint: b.url(), id: 'a', hit: true });
        expect([first.views, second.views]).to.deep.equal([2007, 2007]);
        expect((await b.log()).map((r) => r.method)).to.deep.equal(['POST', 'GET']);
        expect(setItem.called).to.be.true;
      } finally {
        getItem.restore();
        setItem.restore();
      }
    });

    it('still counts once when window.sessionStorage itself throws', async () => {
      Object.defineProperty(window, 'sessionStorage', {
        configurable: true,
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      try {
        const b = bucket();
        await loadCount({ endpoint: b.url(), id: 'a', hit: true });
        await loadCount({ endpoint: b.url(), id: 'a', hit: true });
        expect((await b.log()).map((r) => r.method)).to.deep.equal(['POST', 'GET']);
      } finally {
        delete (window as unknown as Record<string, unknown>).sessionStorage;
      }
      expect(() => window.sessionStorage).not.to.throw();
    });

    it('tries again on a later call when the POST failed (the view was not recorded)', async () => {
      const b = bucket();
      await failure(loadCount({ endpoint: b.url('500'), id: 'a', hit: true }));
      await failure(loadCount({ endpoint: b.url('500'), id: 'a', hit: true }));
      expect((await b.log()).map((r) => r.method)).to.deep.equal(['POST', 'POST']);
    });
  });

  describe('when the endpoint fails', () => {
    const cases: Array<[mode: string, says: RegExp]> = [
      ['500', /^HTTP 500 for http:\/\/.+\/500\?id=a$/],
      ['bad-json', /^not JSON: the answer from http:\/\/.+\/bad-json\?id=a could not be parsed$/],
      ['html', /^not JSON: the answer from http:\/\/.+\/html\?id=a/],
      [
        'negative',
        /"views" is -5, not a non-negative integer, in the answer from http:\/\/.+\/negative\?id=a$/,
      ],
      ['fraction', /"views" is 12\.5, not a non-negative integer/],
      ['string-views', /"views" is "2006", not a non-negative integer/],
      [
        'wrong-id',
        /"id" is "a-other", expected "a", in the answer from http:\/\/.+\/wrong-id\?id=a$/,
      ],
      ['no-id', /"id" is missing, expected "a"/],
      ['array', /the answer from http:\/\/.+\/array\?id=a is not an object$/],
    ];
    for (const [mode, says] of cases) {
      it(`rejects a ${mode} answer with a CounterError that says so and names the URL`, async () => {
        const b = bucket();
        const error = await failure(loadCount({ endpoint: b.url(mode), id: 'a' }));
        expect(error.message).to.match(says);
        expect(error.url).to.contain(b.url(mode));
      });
    }

    it('reports the HTTP status', async () => {
      const b = bucket();
      expect((await failure(loadCount({ endpoint: b.url('500'), id: 'a' }))).status).to.equal(500);
    });

    it('reports a network error when nothing listens', async () => {
      const error = await failure(loadCount({ endpoint: 'http://127.0.0.1:9/views', id: 'a' }));
      expect(error.message).to.equal(
        'network error loading http://127.0.0.1:9/views?id=a: the server could not be reached',
      );
    });

    it('gives up on an endpoint that does not answer', async () => {
      const b = bucket();
      try {
        const error = await failure(loadCount({ endpoint: b.url('gate'), id: 'a', timeout: 200 }));
        expect(error.message).to.match(/^timed out after 0\.2 s loading http:\/\/.+\/gate\?id=a$/);
      } finally {
        await b.release();
      }
    });

    it('refuses a non-http endpoint without any request', async () => {
      const spy = sinon.spy(window, 'fetch');
      try {
        for (const endpoint of ['javascript:alert(1)', 'data:application/json,{}', '', '   ']) {
          const error = await failure(loadCount({ endpoint, id: 'a' }));
          expect(error.message).to.match(/^endpoint ".*" is not an http or https URL$/);
        }
        expect(spy.called).to.be.false;
      } finally {
        spy.restore();
      }
    });
  });

  describe('when validating an answer', () => {
    it('accepts exactly the non-negative safe integers, and throws only CounterError', () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.anything(), (json, views) => {
          for (const body of [json, { id: 'a', views }, { id: 'a', views: json }]) {
            let result: number | undefined;
            try {
              result = readAnswer(body, 'a', 'http://x/');
            } catch (error) {
              if (!(error instanceof CounterError)) return false;
              continue;
            }
            if (!Number.isSafeInteger(result) || result < 0) return false;
          }
          return true;
        }),
      );
      expect(readAnswer({ id: 'a', views: 0 }, 'a', 'u')).to.equal(0);
      expect(readAnswer({ id: 'a', views: Number.MAX_SAFE_INTEGER }, 'a', 'u')).to.equal(
        Number.MAX_SAFE_INTEGER,
      );
      expect(() => readAnswer({ id: 'a', views: 2 ** 53 }, 'a', 'u')).to.throw(CounterError);
    });
  });

  describe('when an answer is too large', () => {
    const seen = async (k: string) =>
      (await (await fetch(`/loading/count?key=${k}`)).json()) as {
        sent: number;
        closedEarly: boolean;
      };

    it('stops reading past 4 KB and hangs up, however big the answer', async () => {
      const k = crypto.randomUUID();
      // 20 MB at 64 KB every 50 ms would take 16 s.
      const endpoint = `/loading/views?key=${k}&total=20000000&chunk=65536&every=50`;
      const started = performance.now();
      const error = await failure(loadCount({ endpoint, id: 'a' }));
      expect(error.message).to.match(/^answer too large: .* sent more than 4 KB for one count$/);
      expect(performance.now() - started).to.be.below(4000);
      await waitUntil(async () => (await seen(k)).closedEarly, 'the server saw no hang-up');
      expect((await seen(k)).sent).to.be.below(1_000_000);
    });

    it('accepts an answer just under 4 KB', async () => {
      const k = crypto.randomUUID();
      const endpoint = `/loading/views?key=${k}&total=4000&chunk=1000&every=5&id=a`;
      const answer = await loadCount({ endpoint, id: 'a' });
      expect(answer.views).to.equal(5);
    });
  });
});
