// Issue 5, item 1: hostile content is inert, read back from the real PDF and HTML a build writes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { brief, countBadInput, makeTemp, pdfText, robustnessFixture, type CliResult, type Workspace } from './helpers.js';
import { withoutProof } from '../helpers/proof-lines.js';

const DATA = robustnessFixture('hostile/data');
const TEMPLATES = robustnessFixture('hostile/templates');
const PROGRAMME = 'programmes/hostile';
const REMOTE = 'http://example.com/a.png';

let ws: Workspace;
let built: CliResult;
let briefText: string;
let onePagerText: string;
let html: string;

test.before(async () => {
  ws = await makeTemp();
  built = await brief(['build', '--data', DATA, '--templates', TEMPLATES, '--out', ws.out]);
  const pdf = (name: string) => path.join(ws.out, PROGRAMME, name);
  briefText = pdfText(pdf('hostile-brief.pdf'));
  onePagerText = pdfText(pdf('hostile-one-pager.pdf'));
  html = await readFile(pdf('hostile.html'), 'utf8');
});
test.after(() => ws.remove());

test('a build of pasted hostile text succeeds', () => {
  assert.is(built.code, 0, built.stderr);
});

test('<script> and <img onerror> in plain fields print as the literal text', () => {
  assert.match(briefText, '</style><script>alert(1)</script> scheme');
  assert.match(briefText, '<script>alert(1)</script> is shown as text.');
  assert.match(briefText, '<img src=x onerror=alert(5)> heading');
  // The note quotes the claim's excerpt, as pasted.
  assert.match(briefText, '<script>alert(7)</script> pasted verbatim');
  assert.match(briefText, 'Anonymous sources (<em>Someone</em>)');
  assert.match(onePagerText, '<script>alert(1)</script> is shown as text.');
  countBadInput('script tag in a name');
  countBadInput('img onerror in a heading');
  countBadInput('script tag in a claim');
});

test("Markdown's raw HTML stays text", () => {
  assert.match(briefText, '<div style=“color:red”>raw div</div>');
  assert.match(briefText, '<b onmouseover=“alert(3)”>bold</b>');
  assert.match(briefText, '<iframe');
  countBadInput('raw HTML in Markdown');
});

test('javascript: and data: links are not links: their Markdown stays as written', () => {
  assert.match(briefText, '[x](javascript:alert(1))');
  assert.match(briefText, '[y](data:text/html,<script>alert(4)</script>)');
  assert.match(html, '[x](javascript:alert(1))', 'as text in the HTML too');
  assert.not.match(html, /href="\s*javascript:/i);
  assert.not.match(html, /href="\s*data:/i);
  assert.match(html, /<a href="https:\/\/example\.com\/ok">z<\/a>/, 'a web link stays a link');
  countBadInput('javascript: link');
  countBadInput('data: link');
});

test('the HTML output holds no element or handler from the data', () => {
  // Not even inside the page CSS, where the running header quotes the name.
  assert.not.match(html, /<script/i);
  assert.not.match(html, /<(iframe|div style|b onmouseover)/i);
  assert.not.match(html, /<img[^>]*onerror/i);
  assert.match(html, '&lt;script&gt;alert(7)&lt;/script&gt; pasted verbatim');
});

test('JavaScript is off in rendered pages: a handler that would rewrite the text never ran', () => {
  assert.match(onePagerText, 'JS-PROBE-UNTOUCHED');
  assert.not.match(onePagerText, 'JS-PROBE-RAN');
  countBadInput('inline event handlers in a template');
});

test('a remote image is blocked, and the build warns naming the document and the URL', () => {
  const warnings = withoutProof(built.stderr).split('\n').filter((line) => line.startsWith('warning:'));
  // The one-pager shows the brief's sections where it has room (issue 18): it asks for the image too.
  assert.equal(warnings.sort(), [
    `warning: ${PROGRAMME}/hostile-brief.pdf: blocked a request to ${REMOTE}`,
    `warning: ${PROGRAMME}/hostile-one-pager.pdf: blocked a request to ${REMOTE}`,
  ]);
  assert.match(briefText, 'A remote picture:', 'the document still prints, its image left out');
  countBadInput('remote image in Markdown');
});

test('--allow-remote lets the image be requested: no warning', async () => {
  const allowed = await brief(['build', '--data', DATA, '--out', ws.out + '-remote', '--format', 'brief', '--allow-remote']);
  try {
    assert.is(allowed.code, 0, allowed.stderr);
    assert.not.match(allowed.stderr, 'blocked');
    // --format brief is a partial build, so its one warning is the pack's (issue 11); none names the document.
    assert.not.match(withoutProof(allowed.stderr), `warning: ${PROGRAMME}`);
  } finally {
    await import('node:fs/promises').then((fs) => fs.rm(ws.out + '-remote', { recursive: true, force: true }));
  }
});

test.run();
