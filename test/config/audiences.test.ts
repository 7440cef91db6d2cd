// The config file's `audiences:` (issue 14) is checked as it is read: every problem one line at its
// file:line:col, exit 2, whatever the command; what an audience names in the data is checked by the
// build, at the same places, with a "did you mean".
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { finished, listFiles, makeWorkspace, spawnBrief } from '../batch/helpers/build-fixture.js';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
test.before.each(async () => {
  ws = await makeWorkspace();
});
test.after.each(async () => ws.remove());

const brief = (...args: string[]) => finished(spawnBrief(args, ws.dir));
const config = (text: string) => writeFile(path.join(ws.dir, 'brief.config.yaml'), text);

test('each problem of the audiences is one line at its place in the config file, and every command refuses it with exit 2', async () => {
  await config(
    [
      'paper: a4',
      'audiences:',
      '  - id: board',
      '    title: Board of Trustees',
      '    programmes: [alpha]',
      '  - id: Board/x',
      '    title: Bad id',
      '  - id: board',
      '    title: Same id',
      '  - id: empty',
      '    title: Nothing',
      '    programmes: []',
      '    topics: []',
      '  - id: typo',
      '    title: Typo',
      '    programs: [alpha]',
      '  - id: web',
      '    title: Web',
      '    formats: [html]',
      '  - id: fmt',
      '    title: Bad format',
      '    formats: [brief, pdf]',
      '  - title: No id',
      '  - id: blank',
      '    title: ""',
      '',
    ].join('\n'),
  );
  const expected = [
    'error: brief.config.yaml:6:9  audiences[1].id "Board/x" is not a safe folder name: use lowercase letters, digits and hyphens, e.g. "board"',
    'brief.config.yaml:8:9  audiences[2].id "board" is already the id of audiences[0]: each audience needs an id of its own',
    'brief.config.yaml:10:5  audiences[3] (empty) receives nothing: its programmes and topics are both empty',
    'brief.config.yaml:16:5  audiences[4]: unknown key "programs"; an audience has id, title, distribution, programmes, topics and formats',
    'brief.config.yaml:17:5  audiences[5] (web) receives no PDF for its pack: add brief or one-pager to its formats',
    'brief.config.yaml:22:22  audiences[6].formats[1] must be one of: brief, one-pager, html; got "pdf"',
    'brief.config.yaml:23:5  audiences[7] has no id: each audience needs an id and a title',
    'brief.config.yaml:25:12  audiences[8].title is empty',
    '',
  ].join('\n');
  for (const args of [['build'], ['check'], ['config']]) {
    const run = await brief(...args);
    assert.is(run.code, 2, run.stderr);
    assert.is(run.stderr, expected, args.join(' '));
    assert.is(run.stdout, '');
  }
  assert.not.ok(existsSync(ws.out), 'the build wrote nothing');
});

test('an audience naming a programme or topic the data lacks fails the build at its line, with what it may have meant', async () => {
  await config(
    [
      'audiences:',
      '  - id: board',
      '    title: Board of Trustees',
      '    programmes: [alpha, alpah]',
      '    topics: [recruiting, zzz]',
      '  - id: staff',
      '    title: Research staff',
      '    programmes: []',
      '    topics: []',
      '    formats: [brief]',
      '',
    ].join('\n'),
  );
  // The config alone cannot know the data: an empty audience is caught as it is read, the names by the build.
  const empty = await brief('build');
  assert.is(empty.code, 2);
  assert.is(empty.stderr, 'error: brief.config.yaml:6:5  audiences[1] (staff) receives nothing: its programmes and topics are both empty\n');
  await config(['audiences:', '  - id: board', '    title: Board of Trustees', '    programmes: [alpha, alpah]', '    topics: [recruiting, zzz]', ''].join('\n'));
  const run = await brief('build');
  assert.is(run.code, 2, run.stderr);
  assert.is(
    run.stderr,
    [
      'error: brief.config.yaml:4:25  audiences[0].programmes[1]: no programme "alpah" in the data; did you mean "alpha"?',
      'brief.config.yaml:5:14  audiences[0].topics[0]: no topic "recruiting" in the data; did you mean "recruitment"?',
      'brief.config.yaml:5:26  audiences[0].topics[1]: no topic "zzz" in the data; known: recruitment',
      '',
    ].join('\n'),
  );
  assert.equal(existsSync(ws.out) ? await listFiles(ws.out) : [], [], 'no document, pack or manifest');
});

test('--audience names an audience of the config, or says which there are', async () => {
  const none = await brief('build', '--audience', 'board');
  assert.is(none.code, 2);
  assert.is(none.stderr, 'error: --audience board: the config file lists no audiences\n');
  await config(['audiences:', '  - id: board', '    title: Board of Trustees', '  - id: staff', '    title: Staff', ''].join('\n'));
  const typo = await brief('build', '--audience', 'borad');
  assert.is(typo.code, 2);
  assert.is(typo.stderr, 'error: --audience borad: no audience "borad" in the config file; did you mean "board"?\n');
  const far = await brief('build', '--audience', 'trustees');
  assert.is(far.stderr, 'error: --audience trustees: no audience "trustees" in the config file; known: board, staff\n');
});

test('brief config shows the audiences as the config file gives them', async () => {
  await config(['audiences:', '  - id: board', '    title: Board of Trustees', '    distribution: CONFIDENTIAL', '    formats: [brief]', ''].join('\n'));
  const run = await brief('config', '--json');
  assert.is(run.code, 0, run.stderr);
  const settings = (JSON.parse(run.stdout) as { settings: Record<string, unknown> }).settings;
  assert.equal(settings.audiences, { value: [{ id: 'board', title: 'Board of Trustees', distribution: 'CONFIDENTIAL', formats: ['brief'] }], from: 'config' });
});

test.run();
