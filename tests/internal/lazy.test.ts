import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { STALL_MS, afterPaint, chunk } from '../../src/internal/lazy.js';

// Work after paint (writing the remembered copy, which fetches the `extras` chunk) must
// not take a share of a slow link while a chunk a first paint waits for (a full card's
// body) is still on its way.
describe('lazy loading (lazy.ts)', () => {
  it('runs after-paint work only once the chunks asked for so far have arrived', async () => {
    let arrive!: (door: { init: () => string }) => void;
    const body = chunk(
      () => new Promise<{ init: () => string }>((resolve) => (arrive = resolve)),
      undefined,
    );
    const loading = body();
    let ran = false;
    afterPaint(() => (ran = true));
    await aTimeout(300);
    expect(ran, 'ran while the chunk was on its way').to.be.false;
    arrive({ init: () => 'the body renderer' });
    expect(await loading).to.equal('the body renderer');
    await waitUntil(() => ran, 'the after-paint work');
  });

  it('runs it as well when that chunk failed to load', async () => {
    let fail!: (e: Error) => void;
    const broken = chunk(() => new Promise<never>((_, reject) => (fail = reject)), undefined);
    const loading = broken().catch(() => 'failed');
    let ran = false;
    afterPaint(() => (ran = true));
    await aTimeout(100);
    expect(ran).to.be.false;
    fail(new Error('offline'));
    expect(await loading).to.equal('failed');
    await waitUntil(() => ran, 'the after-paint work');
  });

  it('does not wait for a chunk asked for after it', async () => {
    let ran = false;
    afterPaint(() => (ran = true));
    chunk(() => new Promise<never>(() => undefined), undefined)().catch(() => undefined);
    await waitUntil(() => ran, 'the after-paint work');
  });

  // Last: the chunk below never ends, and every later after-paint call would wait for it.
  it('waits STALL_MS at most for a chunk request that never ends', async () => {
    chunk(() => new Promise<never>(() => undefined), undefined)().catch(() => undefined);
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let ran = false;
    try {
      afterPaint(() => (ran = true));
      await clock.tickAsync(STALL_MS - 100);
      expect(ran, 'ran while the chunk could still come').to.be.false;
      await clock.tickAsync(200);
    } finally {
      clock.restore();
    }
    await waitUntil(() => ran, 'the after-paint work, once the wait is over');
  });
});
