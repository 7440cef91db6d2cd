// Issue 11: the output folder may not be empty, the data or templates folder, or inside either,
// however it is given (flag, variable, config file, symbolic link); --concurrency has a ceiling;
// and the page pool opens no more pages than there are documents to print.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../src/batch/run-batch.js';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { finished, makeWorkspace, spawnBrief } from './helpers/build-fixture.js';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
test.before.each(async () => {
  ws = await makeWorkspace();
});
test.after.each(async () => ws.remove());

const brief = (args: string[], env: NodeJS.ProcessEnv = {}) => finished(spawnBrief(args, ws.dir, env));
const MIX = 'the outputs would mix with the inputs; choose another output folder';

test("--out '' is a usage error naming the flag, and nothing is written in the working folder", async () => {
  for (const command of ['build', 'watch']) {
    const result = await brief([command, '--data', 'data', '--out', '']);
    assert.is(result.code, 2, result.stderr);
    assert.is(result.stderr, 'error: --out is empty: it wants the output folder, e.g. --out output\n');
  }
  assert.not.ok(existsSync(path.join(ws.dir, 'manifest.json')));
  assert.not.ok(existsSync(path.join(ws.dir, '.brief-build.lock')));
});

test('--out equal to the data folder, or inside it, is refused with exit 2', async () => {
  const same = await brief(['build', '--data', 'data', '--out', 'data']);
  assert.is(same.code, 2);
  assert.is(same.stderr, `error: --out data is the data folder: ${MIX}\n`);
  const inside = await brief(['build', '--data', 'data', '--out', 'data/pdfs']);
  assert.is(inside.code, 2);
  assert.is(inside.stderr, `error: --out data/pdfs is inside the data folder data: ${MIX}\n`);
  assert.not.ok(existsSync(path.join(ws.data, 'pdfs')), 'no folder made inside the data');
});

test('a symbolic link or a .. does not hide the data folder: real paths are compared', async () => {
  await symlink(ws.data, path.join(ws.dir, 'link'));
  const linked = await brief(['build', '--data', 'data', '--out', 'link/pdfs']);
  assert.is(linked.code, 2);
  assert.is(linked.stderr, `error: --out link/pdfs is inside the data folder data: ${MIX}\n`);
  const dotted = await brief(['build', '--data', 'data', '--out', 'output/../data']);
  assert.is(dotted.code, 2);
  assert.is(dotted.stderr, `error: --out data is the data folder: ${MIX}\n`);
});

test('--out inside the templates folder is refused too', async () => {
  await mkdir(path.join(ws.dir, 'theme'));
  const result = await brief(['build', '--data', 'data', '--templates', 'theme', '--out', 'theme/out']);
  assert.is(result.code, 2);
  assert.is(result.stderr, `error: --out theme/out is inside the templates folder theme: ${MIX}\n`);
});

test('out: from a config file, and BRIEF_OUT, are checked the same way and named as given', async () => {
  await writeFile(path.join(ws.dir, 'brief.config.yaml'), 'data: data\nout: data/pdfs\n');
  const fromConfig = await brief(['build']);
  assert.is(fromConfig.code, 2);
  assert.is(fromConfig.stderr, `error: out: data/pdfs in the config file is inside the data folder data: ${MIX}\n`);
  const fromEnv = await brief(['build', '--config', 'brief.config.yaml'], { BRIEF_OUT: 'data' });
  assert.is(fromEnv.code, 2);
  assert.is(fromEnv.stderr, `error: BRIEF_OUT=data is the data folder: ${MIX}\n`);
});

test('--concurrency above 64 is a usage error, from the flag or the environment', async () => {
  const flag = await brief(['build', '--data', 'data', '--concurrency', '65']);
  assert.is(flag.code, 2);
  assert.is(flag.stderr, 'error: --concurrency expects a whole number from 1 to 64, got "65"\n');
  const env = await brief(['build', '--data', 'data'], { BRIEF_CONCURRENCY: '1000' });
  assert.is(env.code, 2);
  assert.is(env.stderr, 'error: BRIEF_CONCURRENCY expects a whole number from 1 to 64, got "1000"\n');
});

test('one document at --concurrency 64 opens one page, not a page per slot', async () => {
  const session = new BrowserSession({ concurrency: 64 });
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out, force: true, concurrency: 64, programmes: ['alpha'], formats: ['one-pager'] }, {}, session).finally(() =>
    session.close(),
  );
  assert.is(result.built, 1);
  assert.is(session.stats().pagesOpened, 1);
});

test('a whole build at --concurrency 64 opens no more pages than it has PDFs to print', async () => {
  const session = new BrowserSession({ concurrency: 64 });
  const result = await runBatch({ dataDir: ws.data, outDir: ws.out, force: true, concurrency: 64 }, {}, session).finally(() => session.close());
  assert.is(result.built, 9);
  assert.ok(session.stats().pagesOpened <= 6, `6 PDFs, ${session.stats().pagesOpened} pages`);
});

test.run();
