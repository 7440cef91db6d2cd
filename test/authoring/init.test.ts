import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pdfText } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { initTempProject, type TempProject } from './project.js';

let project: TempProject;

test.before(async () => {
  project = await initTempProject();
});
test.after(async () => {
  await project?.remove();
});

/** The PDF's text with its layout's whitespace folded. */
const flatText = (file: string) => pdfText(file).replace(/\s+/g, ' ');

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

test('init writes data, a source, templates, the schema, a config and a README', async () => {
  const files = await filesBelow(project.dir);
  for (const expected of [
    'brief.config.yaml',
    'README.md',
    'data/sources/example-article.txt',
    'schema/data-file.schema.json',
    'data/programmes.yaml',
    'data/topics.yaml',
    'data/claims.yaml',
    'templates/layouts/brief.hbs',
    'templates/partials/bottom-line.hbs',
    'templates/styles/10-base.css',
  ]) {
    assert.ok(files.includes(expected), `${expected} in ${files.join(', ')}`);
  }
  const config = await readFile(path.join(project.dir, 'brief.config.yaml'), 'utf8');
  for (const key of ['data:', 'templates:', 'out:', 'paper:', 'distribution:', 'author:']) assert.match(config, key);
  const readme = await readFile(path.join(project.dir, 'README.md'), 'utf8');
  assert.match(readme, '# yaml-language-server: $schema=../schema/data-file.schema.json');
  assert.match(readme, 'redhat.vscode-yaml');
});

test('every data file names the schema in its first line', async () => {
  const data = (await filesBelow(path.join(project.dir, 'data'))).filter((f) => f.endsWith('.yaml')).sort();
  assert.equal(data, [
    'claims.yaml',
    'meta.yaml',
    'organisations.yaml',
    'people.yaml',
    'programmes.yaml',
    'quotes.yaml',
    'sources.yaml',
    'timeline.yaml',
    'topics.yaml',
  ]);
  for (const file of data) {
    const first = (await readFile(path.join(project.dir, 'data', file), 'utf8')).split('\n')[0];
    assert.is(first, '# yaml-language-server: $schema=../schema/data-file.schema.json', file);
  }
  const schema = JSON.parse(await readFile(path.join(project.dir, 'schema/data-file.schema.json'), 'utf8')) as { title?: string };
  assert.is(schema.title, 'Briefing data file');
});

test('brief check passes in the new project with no flag, its excerpts found in the example source its source names', () => {
  const result = project.brief(['check']);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stderr, '');
  assert.is(result.stdout, 'ok: 9 files, 2 programmes, 1 topic, 6 claims; verified 6 excerpts and 1 quote against example-gazette-2024-03-12 (data/sources/example-article.txt)\n');
});

test('brief build in the new project writes one-pagers whose text holds the example facts', async () => {
  const result = project.brief(['build', '--format', 'one-pager']);
  assert.is(result.code, 0, `${result.stdout}\n${result.stderr}`);
  const out = path.join(project.dir, 'output');
  const programme = flatText(path.join(out, 'programmes/returning-engineers/returning-engineers-one-pager.pdf'));
  assert.match(programme, 'Returning Engineers Scheme');
  assert.match(programme, '400,000 euros');
  assert.match(programme, 'Northvale Provincial Labour Office');
  assert.match(programme, 'EXAMPLE — FICTIONAL DATA FOR TRYING BRIEF', 'the distribution marking from the config');
  const fellowship = flatText(path.join(out, 'programmes/harbour-fellowship/harbour-fellowship-one-pager.pdf'));
  assert.match(fellowship, 'Aster Harbour Fellowship');
  assert.match(fellowship, '3,000 euros');
  const topic = flatText(path.join(out, 'topics/engineer-shortage/engineer-shortage-one-pager.pdf'));
  assert.match(topic, 'The engineer shortage in Northvale');
  assert.match(topic, '8,000');
});

test('init refuses a folder that holds files, in one line, and leaves it alone', async () => {
  const result = runCli(['init', project.dir]);
  assert.is(result.code, 2, result.stderr);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /is not empty; .*--force/);
  assert.is(result.stdout, '');
});

test('init --force writes into a folder that holds files, keeping the files that are not its own', async () => {
  const notes = path.join(project.dir, 'notes.txt');
  await writeFile(notes, 'mine');
  await writeFile(path.join(project.dir, 'data/topics.yaml'), 'broken: [');
  const result = runCli(['init', project.dir, '--force']);
  assert.is(result.code, 0, result.stderr);
  assert.is(await readFile(notes, 'utf8'), 'mine');
  assert.match(await readFile(path.join(project.dir, 'data/topics.yaml'), 'utf8'), 'engineer-shortage');
});

test.run();
