// Browser discovery, on stand-in executables made for each test: nothing here depends on which
// browsers this machine happens to have.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RenderError } from '../../src/errors.js';
import { findBrowser } from '../../src/browser/find-browser.js';

const HOW_TO_INSTALL =
  'install one with `apt-get install chromium-headless-shell` (Debian/Ubuntu), ' +
  'or `npx puppeteer browsers install chrome-headless-shell`, ' +
  'or name one with `--browser PATH` or PUPPETEER_EXECUTABLE_PATH';

let dir: string;
test.before.each(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brief-find-browser-'));
});
test.after.each(() => rm(dir, { recursive: true, force: true }));

/** A stand-in browser: a small script at `dir/<folder>/<name>`, executable unless told otherwise. */
async function standIn(folder: string, name: string, mode = 0o755): Promise<string> {
  await mkdir(path.join(dir, folder), { recursive: true });
  const file = path.join(dir, folder, name);
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, mode);
  return file;
}

/** A PATH of folders under `dir`. */
const searchPath = (...folders: string[]) => folders.map((f) => path.join(dir, f)).join(path.delimiter);

/** The message findBrowser fails with, or a failure of the test when it finds something. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.instance(error, RenderError);
    return (error as Error).message;
  }
  assert.unreachable('a browser was found');
  return '';
}

test('an explicit --browser path wins over PUPPETEER_EXECUTABLE_PATH and PATH', async () => {
  const chosen = await standIn('mine', 'chromium');
  const fromEnv = await standIn('env', 'chrome-headless-shell');
  await standIn('bin', 'chromium-headless-shell');
  const found = findBrowser({ executablePath: chosen, env: { PUPPETEER_EXECUTABLE_PATH: fromEnv, PATH: searchPath('bin') }, systemShells: [] });
  assert.equal(found, { path: chosen, headless: true, source: '--browser' });
});

test('PUPPETEER_EXECUTABLE_PATH comes next, before the system and PATH', async () => {
  const fromEnv = await standIn('env', 'google-chrome');
  const system = await standIn('system', 'headless_shell');
  await standIn('bin', 'chromium-headless-shell');
  const found = findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: fromEnv, PATH: searchPath('bin') }, systemShells: [system] });
  assert.equal(found, { path: fromEnv, headless: true, source: 'PUPPETEER_EXECUTABLE_PATH' });
});

test('a headless shell is preferred to a full Chromium, even one earlier on PATH', async () => {
  await standIn('full', 'chromium');
  await standIn('full', 'google-chrome');
  const shell = await standIn('shell', 'chromium-headless-shell');
  const found = findBrowser({ env: { PATH: searchPath('full', 'shell') }, systemShells: [] });
  assert.equal(found, { path: shell, headless: 'shell', source: 'system' });
});

test('a headless shell in a system location is taken before one on PATH', async () => {
  const system = await standIn('system', 'chromium-headless-shell');
  await standIn('bin', 'chrome-headless-shell');
  const found = findBrowser({ env: { PATH: searchPath('bin') }, systemShells: [path.join(dir, 'missing', 'headless_shell'), system] });
  assert.equal(found, { path: system, headless: 'shell', source: 'system' });
});

test('without a headless shell, a full Chromium or Chrome on PATH runs in new headless mode', async () => {
  const chrome = await standIn('bin', 'google-chrome');
  assert.equal(findBrowser({ env: { PATH: searchPath('bin') }, systemShells: [] }), { path: chrome, headless: true, source: 'system' });
  const chromium = await standIn('bin', 'chromium');
  assert.equal(findBrowser({ env: { PATH: searchPath('bin') }, systemShells: [] }), { path: chromium, headless: true, source: 'system' });
});

test('the headless mode follows the file name: chrome-headless-shell and headless_shell run in shell mode', async () => {
  const mode = (file: string) => findBrowser({ executablePath: file, env: {}, systemShells: [] }).headless;
  assert.is(mode(await standIn('a', 'chrome-headless-shell')), 'shell');
  assert.is(mode(await standIn('b', 'chromium-headless-shell')), 'shell');
  assert.is(mode(await standIn('c', 'headless_shell')), 'shell');
  assert.is(mode(await standIn('d', 'chromium')), true);
  assert.is(mode(await standIn('e', 'google-chrome')), true);
});

test('a file on PATH that is not executable is passed over', async () => {
  await standIn('bin', 'chromium-headless-shell', 0o644);
  const chromium = await standIn('bin', 'chromium');
  assert.equal(findBrowser({ env: { PATH: searchPath('bin') }, systemShells: [] }), { path: chromium, headless: true, source: 'system' });
});

test('a --browser path that is not executable fails naming it and how to install one', async () => {
  const file = await standIn('bin', 'chromium', 0o644);
  const message = failure(() => findBrowser({ executablePath: file, env: {}, systemShells: [] }));
  assert.is(message, `browser not found: ${file} (from --browser) is not an executable file; ${HOW_TO_INSTALL}`);
});

test('a PUPPETEER_EXECUTABLE_PATH that does not exist, or is a folder, fails naming the variable', () => {
  const missing = path.join(dir, 'no', 'such', 'chrome');
  assert.is(
    failure(() => findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: missing }, systemShells: [] })),
    `browser not found: ${missing} (from PUPPETEER_EXECUTABLE_PATH) is not an executable file; ${HOW_TO_INSTALL}`,
  );
  assert.is(
    failure(() => findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: dir }, systemShells: [] })),
    `browser not found: ${dir} (from PUPPETEER_EXECUTABLE_PATH) is not an executable file; ${HOW_TO_INSTALL}`,
  );
});

test.run();
