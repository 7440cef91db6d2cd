import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRendererCache } from '../../src/build/renderers.js';
import type { BrowserManager } from '../../src/pdf/browsers.js';
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

test('a browser started ahead goes to the first renderer only, and the cache closes it', async () => {
  let browserClosed = 0;
  const started = { close: async () => void browserClosed++ } as unknown as BrowserManager;
  const given: (BrowserManager | undefined)[] = [];
  const cache = createRendererCache(async (_shell, _options, browsers) => {
    given.push(browsers);
    return { print: () => Promise.reject(new Error('not here')), close: async () => {} };
  });
  cache.startBrowser(async () => started);
  await cache.get(shell, {});
  assert.is(browserClosed, 0, 'open while its renderer prints on it');
  await cache.get({ ...shell, html: '<html><body></body></html>' }, {}); // changed styles: a new renderer
  assert.equal(given, [started, undefined]);
  await cache.close();
  assert.is(browserClosed, 1, 'closed by the cache, though the renderer it was given did not');
});

test.run();
