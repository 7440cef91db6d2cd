import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildRun } from '../../src/batch/build-run.js';
import { readManifest } from '../../src/batch/manifest.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { STAGES, type BatchStages } from '../../src/batch/stages.js';
import type { Skeleton } from '../../src/contracts/document.js';
import { DataError } from '../../src/errors.js';
import { BrowserSession } from '../../src/browser/browser-session.js';
import type { Printer } from '../../src/browser/types.js';
import { makeWorkspace } from './helpers/build-fixture.js';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
test.before(async () => {
  ws = await makeWorkspace();
  const first = await runBatch({ dataDir: ws.data, outDir: ws.out });
  assert.is(first.built, 9);
});
test.after(async () => ws.remove());

/** Stages that fail the test if the batch loads the data or the templates. */
const untouchable: BatchStages = {
  loadFacts: async () => assert.unreachable('the data was loaded') as never,
  readTemplates: async () => assert.unreachable('the templates were read') as never,
  loadHtmlStage: async () => assert.unreachable('the templates were loaded') as never,
  loadSkeleton: async () => assert.unreachable('the templates were loaded') as never,
  prefetch: () => assert.unreachable('the renderer was loaded'),
};

/** A session that fails the test if the batch starts a browser or asks for a printer. */
class UntouchableSession extends BrowserSession {
  override start(): void {
    assert.unreachable('a browser was started');
  }
  override printer(): Promise<Printer> {
    return assert.unreachable('a printer was asked for') as never;
  }
}

const rebuiltKeys = (result: Awaited<ReturnType<typeof runBatch>>) => result.documents.filter((d) => !d.skipped).map((d) => d.key);

test('a run where nothing changed loads nothing, launches no browser and rewrites nothing', async () => {
  const manifestBefore = await readFile(path.join(ws.out, 'manifest.json'), 'utf8');
  const result = await buildRun({ dataDir: ws.data, outDir: ws.out }, {}, new UntouchableSession(), untouchable);
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
  const session = new BrowserSession();
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out }, {}, session).finally(() => session.close());
  const rebuilt = rebuiltKeys(result);
  assert.ok(rebuilt.length > 0, 'something was rebuilt');
  assert.ok(rebuilt.every((key) => key.startsWith('programmes/beta/')), `only beta's documents: ${rebuilt}`);
  assert.ok(rebuilt.includes('programmes/beta/brief'), `beta's brief: ${rebuilt}`);
  assert.ok(result.pack?.rebuilt, 'the pack');
  assert.is(session.stats().launches, 1, 'one browser for the run');
});

test('a deleted output is written again, and only it', async () => {
  const shaOf = async () => (await readManifest(ws.out))!.files.find((f) => f.key === 'programmes/alpha/one-pager')!.sha256;
  const before = await shaOf();
  await rm(path.join(ws.out, 'programmes/alpha/alpha-one-pager.pdf'));
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out });
  assert.not.ok(result.noop);
  assert.equal(rebuiltKeys(result), ['programmes/alpha/one-pager']);
  // Printing is reproducible, so the reprint has the same bytes and the pack, which follows its
  // parts' bytes, is left as it was.
  assert.is(await shaOf(), before);
  assert.is(result.pack?.rebuilt, false);
});

test('--force renders every document and the pack again', async () => {
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out, force: true });
  assert.is(result.built, 9);
  assert.ok(result.pack?.rebuilt);
});

test('a template change is an input change: the run is not a no-op', async () => {
  const templates = path.join(ws.dir, 'templates');
  await cp(path.join(process.cwd(), 'templates/pack'), path.join(templates, 'pack'), { recursive: true });
  const first = await runBatch({ dataDir: ws.data, outDir: ws.out, templatesDir: templates });
  assert.not.ok(first.noop, 'another templates folder is another input');
  const css = path.join(templates, 'pack/pack.css');
  await writeFile(css, `${await readFile(css, 'utf8')}\n.pack-title { letter-spacing: 0.01em; }\n`);
  const second = await runBatch({ dataDir: ws.data, outDir: ws.out, templatesDir: templates });
  assert.not.ok(second.noop);
  assert.is(second.built, 0, 'no document uses the pack styles');
  assert.ok(second.pack?.rebuilt, 'the pack does');
});


test('a forced build starts its one browser before it reads the data, reads the templates once, and prints on that browser', async () => {
  const events: string[] = [];
  class Watched extends BrowserSession {
    override start(): void {
      events.push('browser started');
      super.start();
    }
  }
  let templateReads = 0;
  const stages: BatchStages = {
    ...STAGES,
    loadFacts: (dir, cwd) => {
      events.push('data asked for');
      return STAGES.loadFacts(dir, cwd);
    },
    readTemplates: (dir) => {
      templateReads++;
      return STAGES.readTemplates(dir);
    },
    loadSkeleton: async (templates, paper) => {
      const skeleton: Skeleton = await STAGES.loadSkeleton(templates, paper);
      events.push('skeleton ready');
      return skeleton;
    },
  };
  const session = new Watched();
  const result = await buildRun({ dataDir: ws.data, outDir: ws.out, force: true, formats: ['one-pager'] }, {}, session, stages).finally(() =>
    session.close(),
  );
  assert.is(events[0], 'browser started');
  assert.is(events.filter((e) => e === 'browser started').length, events.length - 2, 'started ahead, then asked again as the data loads: one browser');
  assert.ok(events.indexOf('data asked for') < events.indexOf('skeleton ready'));
  assert.is(templateReads, 1, 'the skeleton and the HTML stage share one read of the templates');
  assert.is(session.stats().launches, 1, 'it printed on that browser, launching no other');
  assert.is(result.built, 3);
  // When each stage was reached, in order (--json's stages).
  const { loaded, browserReady, firstDocument, documents, ended } = result.stages ?? {};
  assert.equal(Object.keys(result.stages ?? {}).sort(), ['browserReady', 'documents', 'ended', 'firstDocument', 'loaded']);
  assert.ok(loaded! <= firstDocument! && browserReady! <= firstDocument! && firstDocument! <= documents! && documents! <= ended!, JSON.stringify(result.stages));
  assert.ok(ended! <= result.ms + 1);
});

test('a no-op build reaches no stage but its end', async () => {
  await runBatch({ dataDir: ws.data, outDir: ws.out });
  const again = await runBatch({ dataDir: ws.data, outDir: ws.out });
  assert.ok(again.noop);
  assert.equal(Object.keys(again.stages ?? {}), ['ended']);
});

test('a forced build whose data fails lets go of the browser it started ahead of need', async () => {
  const events: string[] = [];
  class Watched extends BrowserSession {
    override start(): void {
      events.push('browser started');
      super.start();
    }
    override idle(): Promise<void> {
      events.push(`let go, browser ${this.browserPid() === undefined ? 'not running' : 'running'}`);
      return super.idle();
    }
  }
  const stages: BatchStages = {
    ...STAGES,
    // Templates that take a while, and data that fails at once.
    loadHtmlStage: async (templates) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return STAGES.loadHtmlStage(templates);
    },
    loadFacts: async () => {
      throw new DataError([{ file: 'data/x.yaml', line: 1, col: 1, path: '', message: 'broken' }]);
    },
  };
  const session = new Watched();
  try {
    const error = await buildRun({ dataDir: ws.data, outDir: ws.out, force: true }, {}, session, stages).then(
      () => assert.unreachable('the build succeeded'),
      (e: unknown) => e,
    );
    assert.instance(error, DataError);
    assert.is(events[0], 'browser started');
    assert.is(events.at(-1)?.startsWith('let go'), true, events.join('; '));
    assert.is(session.browserPid(), undefined, 'no browser runs once the batch has failed');
    assert.is(session.stats().pagesOpened, 0, 'nothing was printed');
  } finally {
    await session.close();
  }
});

test.run();
