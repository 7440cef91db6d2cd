import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RenderError } from '../../src/errors.js';
import { findBrowser } from '../../src/pdf/find-browser.js';

const SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL = '/usr/lib/chromium/chromium';

test('an explicit --browser path wins over the environment and sets the headless mode from its name', () => {
  const found = findBrowser({ executablePath: FULL, env: { PUPPETEER_EXECUTABLE_PATH: SHELL, PATH: '' } });
  assert.equal(found, { path: FULL, headless: true, source: '--browser' });
});

test('PUPPETEER_EXECUTABLE_PATH comes next, and a headless shell runs in shell mode', () => {
  const found = findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: SHELL, PATH: '' } });
  assert.equal(found, { path: SHELL, headless: 'shell', source: 'PUPPETEER_EXECUTABLE_PATH' });
});

test('without either, the system headless shell is preferred to a full Chromium on PATH', () => {
  const found = findBrowser({ env: { PATH: '/usr/bin' } });
  assert.is(found.headless, 'shell');
  assert.match(found.path, /headless[-_]shell$/);
  assert.is(found.source, 'system');
});

test('a --browser path that does not exist fails with a RenderError naming it and how to install one', () => {
  try {
    findBrowser({ executablePath: '/opt/no/such/chrome', env: {} });
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, RenderError);
    assert.match((error as Error).message, '/opt/no/such/chrome');
    assert.match((error as Error).message, 'apt-get install chromium-headless-shell');
    assert.match((error as Error).message, 'npx puppeteer browsers install chrome-headless-shell');
  }
});

test('a PUPPETEER_EXECUTABLE_PATH that is not an executable file fails naming the variable', () => {
  assert.throws(() => findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/etc' } }), /\/etc \(from PUPPETEER_EXECUTABLE_PATH\)/);
});

test.run();
