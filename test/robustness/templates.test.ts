// Issue 5, item 3: templates fail loudly, in one line naming the file, the line and what is wrong;
// a page too big to print in time fails with the document's name.
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeLongClaimData } from './datasets.js';
import { brief, countBadInput, errorLines, FIXTURE_DATA, makeTemp, robustnessFixture, type Workspace } from './helpers.js';

const ONE = ['--format', 'one-pager', '--programme', 'alpha'];
const theme = (name: string) => robustnessFixture('themes', name);
const partial = (name: string) => path.join(theme(name), 'partials/sources-line.hbs');

let ws: Workspace;
test.before(async () => {
  ws = await makeTemp();
});
test.after(() => ws.remove());

/** `brief build` of alpha's one-pager with a theme; the output folder is new each time. */
const buildWithTheme = (name: string) =>
  brief(['build', '--data', FIXTURE_DATA, '--out', path.join(ws.dir, name), '--templates', theme(name), ...ONE]);

test('a Handlebars syntax error names the template file and line, in one line, exit 1', async () => {
  const result = await buildWithTheme('syntax-error');
  assert.is(result.code, 1);
  assert.equal(errorLines(result), [`error: ${partial('syntax-error')}:3:1  template does not compile: syntax error: unexpected INVALID  near: {{sources}`]);
  countBadInput('template syntax error');
});

test('a missing partial names itself and the template that asked for it', async () => {
  const result = await buildWithTheme('missing-partial');
  assert.is(result.code, 1);
  assert.equal(errorLines(result), [`error: ${partial('missing-partial')}  template failed: The partial no-such-partial could not be found`]);
  countBadInput('missing partial');
});

test('a missing helper names itself, with the file and line of the call', async () => {
  const result = await buildWithTheme('missing-helper');
  assert.is(result.code, 1);
  assert.equal(errorLines(result), [
    `error: ${partial('missing-helper')}:3:5  template failed: no helper "shout" (nor a field of that name in the view model)  near: {{shout bottomLine}}`,
  ]);
  countBadInput('missing helper');
});

test('a gigantic page (a 100,000-character field repeated 64 times) hits --timeout with the document name, exit 3', async () => {
  const data = await writeLongClaimData(path.join(ws.dir, 'long-data'));
  const started = Date.now();
  const result = await brief([
    'build', '--data', data, '--out', path.join(ws.dir, 'gigantic'), '--templates', theme('gigantic'),
    '--format', 'brief', '--timeout', '2000',
  ]);
  assert.is(result.code, 3, result.stderr);
  assert.equal(errorLines(result), ['error: programmes/long/brief: rendering took longer than 2000 ms and was stopped']);
  assert.ok(Date.now() - started < 20_000, 'stopped, not left to finish');
  countBadInput('gigantic page');
});

test('a <meta http-equiv="refresh"> in a template is refused as the templates are read, naming its line, exit 1', async () => {
  countBadInput('meta refresh in a template');
  const result = await buildWithTheme('meta-refresh');
  assert.is(result.code, 1);
  assert.equal(errorLines(result), [
    `error: ${partial('meta-refresh')}:3:3  template refused: a <meta http-equiv="refresh"> would send the page elsewhere before it is printed; remove it  near: <META content="0; url=https://example.com/" HTTP-EQUIV=Refresh>`,
  ]);
});

test('a <meta http-equiv="refresh"> printed raw from the data fails the document it is in, by name, exit 1', async () => {
  countBadInput('meta refresh in data printed raw');
  const result = await brief([
    'build', '--data', robustnessFixture('raw-html/refresh-data'), '--templates', robustnessFixture('raw-html/templates'),
    '--out', path.join(ws.dir, 'raw-refresh'), '--format', 'brief',
  ]);
  assert.is(result.code, 1, result.stderr);
  assert.equal(errorLines(result), [
    'error: programmes/raw/brief: the document tried to send the page to https://example.com/ (a <meta http-equiv="refresh">?); a page being printed may not navigate, so it was not printed',
  ]);
});

test('loops nested to some 24 million items stop at --timeout, naming the innermost loop and the limit, exit 1', async () => {
  countBadInput('runaway nested loops');
  const started = Date.now();
  const result = await brief([
    'build', '--data', FIXTURE_DATA, '--out', path.join(ws.dir, 'runaway-loops'), '--templates', theme('runaway-loops'), ...ONE, '--timeout', '1000',
  ]);
  assert.is(result.code, 1, result.stderr);
  assert.equal(errorLines(result), [
    `error: ${partial('runaway-loops')}:3:20  template failed: rendering took longer than 1000 ms (--timeout), and was stopped in this loop  near: {{#each @root}}{{#each @root}}{{/each}}{{/each}}`,
  ]);
  assert.ok(Date.now() - started < 20_000, `stopped after ${Date.now() - started} ms`);
});

test('loops making billions of characters stop at the HTML size limit, naming the loop, exit 1', async () => {
  countBadInput('runaway HTML size');
  const started = Date.now();
  const result = await buildWithTheme('runaway-html');
  assert.is(result.code, 1, result.stderr);
  assert.equal(errorLines(result), [
    `error: ${partial('runaway-html')}:3:63  template failed: the HTML grew past 32,000,000 characters, the limit for one document, and was stopped in this loop  near: {{#each @root}}{{#each @root}}{{#each @root}}{{#each @root}}{{#each @root}}<span>{{@root.summary}...`,
  ]);
  assert.ok(Date.now() - started < 20_000, `stopped after ${Date.now() - started} ms`);
});

test('Markdown nested a hundred quotes deep is refused with the {{md}} line and the start of the text, exit 1', async () => {
  countBadInput('Markdown nested past 100 levels');
  const result = await buildWithTheme('deep-markdown');
  assert.is(result.code, 1);
  const quotes = (n: number) => '>'.repeat(n);
  assert.equal(errorLines(result), [
    `error: ${partial('deep-markdown')}:2:3  template failed: md cannot render this Markdown: it nests quotes or lists deeper than 100 levels, and what is below would be lost; the text starts "${quotes(40)}..."  near: {{md "${quotes(91)}...`,
  ]);
});

test.run();
