import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { build } from '../../src/build/build.js';
import { defaultDeps, type BuildDeps } from '../../src/build/engine.js';
import type { BrowserManager } from '../../src/pdf/browsers.js';
import type { PoolPdfRenderer } from '../../src/pdf/printer.js';
import { readManifest } from '../../src/build/manifest.js';
import { DataError } from '../../src/errors.js';
import { makeWorkspace } from './helpers/build-fixture.js';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
test.before(async () => {
  ws = await makeWorkspace();
  const first = await build({ dataDir: ws.data, outDir: ws.out });
  assert.is(first.built, 9);
});
test.after(async () => ws.remove());

/** Deps that fail the test if the build loads the data, the renderer or a browser. */
const untouchable: BuildDeps = {
  loadFacts: async () => assert.unreachable('the data was loaded') as never,
  loadEngine: async () => assert.unreachable('the templates were loaded') as never,
  createPdfRenderer: async () => assert.unreachable('a browser was launched') as never,
};

const rebuiltKeys = (result: Awaited<ReturnType<typeof build>>) => result.documents.filter((d) => !d.skipped).map((d) => d.key);

test('a run where nothing changed loads nothing, launches no browser and rewrites nothing', async () => {
  const manifestBefore = await readFile(path.join(ws.out, 'manifest.json'), 'utf8');
  const result = await build({ dataDir: ws.data, outDir: ws.out }, {}, untouchable);
  assert.ok(result.noop);
  assert.is(result.built, 0);
  assert.is(result.skipped, 9);
  assert.is(result.browsersStarted, 0);
  assert.is(await readFile(path.join(ws.out, 'manifest.json'), 'utf8'), manifestBefore);
});

test("changing one programme's data rebuilds only its documents and the pack", async () => {
  const file = path.join(ws.data, 'programmes.yaml');
  const yaml = await readFile(file, 'utf8');
  await writeFile(file, yaml.replace('Beta pays employers who refer candidates.', 'Beta pays employers who refer engineers.'));
  let launches = 0;
  const counting: BuildDeps = { ...defaultDeps, createPdfRenderer: (shell, o, browsers) => (launches++, defaultDeps.createPdfRenderer(shell, o, browsers)) };
  const result = await build({ dataDir: ws.data, outDir: ws.out }, {}, counting);
  const rebuilt = rebuiltKeys(result);
  assert.ok(rebuilt.length > 0, 'something was rebuilt');
  assert.ok(rebuilt.every((key) => key.startsWith('programmes/beta/')), `only beta's documents: ${rebuilt}`);
  assert.ok(rebuilt.includes('programmes/beta/brief'), `beta's brief: ${rebuilt}`);
  assert.ok(result.pack?.rebuilt, 'the pack');
  assert.is(launches, 1, 'one browser for the run');
});

test('a deleted output is written again, and only it', async () => {
  const shaOf = async () => (await readManifest(ws.out))!.files.find((f) => f.key === 'programmes/alpha/one-pager')!.sha256;
  const before = await shaOf();
  await rm(path.join(ws.out, 'programmes/alpha/alpha-one-pager.pdf'));
  const result = await build({ dataDir: ws.data, outDir: ws.out });
  assert.not.ok(result.noop);
  assert.equal(rebuiltKeys(result), ['programmes/alpha/one-pager']);
  // Printing is reproducible, so the reprint has the same bytes and the pack, which follows its
  // parts' bytes, is left as it was.
  assert.is(await shaOf(), before);
  assert.is(result.pack?.rebuilt, false);
});

test('--force renders every document and the pack again', async () => {
  const result = await build({ dataDir: ws.data, outDir: ws.out, force: true });
  assert.is(result.built, 9);
  assert.ok(result.pack?.rebuilt);
});

test('a template change is an input change: the run is not a no-op', async () => {
  const templates = path.join(ws.dir, 'templates');
  await cp(path.join(process.cwd(), 'templates/pack'), path.join(templates, 'pack'), { recursive: true });
  const first = await build({ dataDir: ws.data, outDir: ws.out, templatesDir: templates });
  assert.not.ok(first.noop, 'another templates folder is another input');
  const css = path.join(templates, 'pack/pack.css');
  await writeFile(css, `${await readFile(css, 'utf8')}\n.pack-title { letter-spacing: 0.01em; }\n`);
  const second = await build({ dataDir: ws.data, outDir: ws.out, templatesDir: templates });
  assert.not.ok(second.noop);
  assert.is(second.built, 0, 'no document uses the pack styles');
  assert.ok(second.pack?.rebuilt, 'the pack does');
});


test('a forced build launches its one browser before the shell is ready, and prints on it', async () => {
  let early: BrowserManager | undefined;
  let handed: BrowserManager | undefined;
  let renderer: PoolPdfRenderer | undefined;
  const watching: BuildDeps = {
    ...defaultDeps,
    startBrowser: async (options) => (early = await defaultDeps.startBrowser!(options)),
    createPdfRenderer: async (shell, options, browsers) => {
      handed = browsers;
      return (renderer = (await defaultDeps.createPdfRenderer(shell, options, browsers)) as PoolPdfRenderer);
    },
  };
  const result = await build({ dataDir: ws.data, outDir: ws.out, force: true, formats: ['one-pager'] }, {}, watching);
  assert.ok(early, 'a browser was started at once');
  assert.is(handed, early, 'the renderer was given it');
  assert.is(early.launches, 1, 'and launched it once');
  assert.is(renderer!.stats().launches, 1, 'printing on it, launching no other');
  assert.ok(result.built > 0);
});

test('a forced build whose data fails closes the browser it started ahead of need', async () => {
  let launched = 0;
  let warmed = 0;
  let closed = 0;
  let started = 0;
  let earlyClosed = 0;
  const failingData: BuildDeps = {
    ...defaultDeps,
    // Templates that take a while, and data that fails at once: the launch begins after the failure.
    loadEngine: async (dir) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return defaultDeps.loadEngine(dir);
    },
    loadFacts: async () => {
      throw new DataError([{ file: 'data/x.yaml', line: 1, col: 1, path: '', message: 'broken' }]);
    },
    // The browser launched at once, before the shell: the build closes it whatever happens.
    startBrowser: async () => {
      started++;
      return { close: async () => void earlyClosed++ } as unknown as BrowserManager;
    },
    createPdfRenderer: async () => {
      launched++;
      return {
        print: async () => assert.unreachable('nothing prints') as never,
        warmUp: async () => void warmed++,
        close: async () => void closed++,
      };
    },
  };
  try {
    await build({ dataDir: ws.data, outDir: ws.out, force: true }, {}, failingData);
    assert.unreachable('the build succeeded');
  } catch (error) {
    assert.instance(error, DataError);
  }
  assert.is(launched, 1, 'the renderer was made beside the data');
  assert.is(warmed, 1, 'and its browser started');
  assert.is(closed, 1, 'and closed when the data failed');
  assert.equal([started, earlyClosed], [1, 1], 'the browser launched before the shell was ready is closed too');
});

test.run();
