import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRendererCache } from '../../src/build/renderers.js';
import type { PdfRenderer, Shell } from '../../src/pdf/types.js';

const shell = { paper: 'a4', html: '<html></html>' } as Shell;

/** Renderers whose close() takes `ms`, recording when each finished closing. */
function slowClosing(ms: number) {
  const closed: number[] = [];
  let made = 0;
  const create = async (): Promise<PdfRenderer> => {
    const id = made++;
    return {
      print: () => Promise.reject(new Error('not here')),
      close: () => new Promise<void>((resolve) => setTimeout(() => (closed.push(id), resolve()), ms)),
    };
  };
  return { create, closed };
}

test('a close() waits for a close begun earlier (a build lets its browser go before it ends)', async () => {
  const { create, closed } = slowClosing(100);
  const cache = createRendererCache(create);
  await cache.get(shell, {});
  const early = cache.close(); // not awaited: the browser closes while the pack is saved
  await cache.close(); // the build's last word
  assert.equal(closed, [0], 'the browser had finished closing when the last close() returned');
  await early;
});

test('after a close, the next get() starts a new renderer, and a failed close does not fail later ones', async () => {
  let made = 0;
  const cache = createRendererCache(async () => {
    const id = made++;
    return { print: () => Promise.reject(new Error('not here')), close: () => (id === 0 ? Promise.reject(new Error('gone')) : Promise.resolve()) };
  });
  await cache.get(shell, {});
  await cache.close().then(
    () => assert.unreachable('the failure of the first close is reported'),
    (error: Error) => assert.is(error.message, 'gone'),
  );
  await cache.get(shell, {});
  assert.is(cache.created, 2);
  await cache.close();
});

test.run();
