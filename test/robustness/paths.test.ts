// Issue 5, item 2: no id, template name or asset reference reads or writes outside the project.
// (`brief check` refusing an id holding a path is tested in test/facts/check.test.ts.)
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, symlink, writeFile, lstat } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFixture, fixture } from '../helpers/fixtures.js';
import {
  brief,
  copyOutput,
  countBadInput,
  errorLines,
  listFiles,
  FIXTURE_DATA,
  lostOrCorrupted,
  makeTemp,
  pdfText,
  robustnessFixture,
  snapshot,
  type CliResult,
  type Workspace,
} from './helpers.js';

const ONE = ['--format', 'one-pager', '--programme', 'alpha'];
let ws: Workspace;
let built: string; // one one-pager of alpha, built once and copied for each symlink case
let fileUrlBuild: CliResult | undefined;

test.before(async () => {
  ws = await makeTemp();
  built = path.join(ws.dir, 'built');
  const result = await brief(['build', '--data', FIXTURE_DATA, '--out', built, ...ONE]);
  assert.is(result.code, 0, result.stderr);
});
test.after(() => ws.remove());

test('brief build refuses data whose id holds a path, before writing anything', async () => {
  const data = await copyFixture('facts/valid');
  try {
    await copyFile(fixture('facts/bad/path-id.yaml'), path.join(data.dir, 'path-id.yaml'));
    const out = path.join(ws.dir, 'path-id-out');
    const result = await brief(['build', '--data', data.dir, '--out', out]);
    assert.is(result.code, 1, result.stderr);
    assert.match(errorLines(result)[0]!, /path-id\.yaml:2:9 {2}topics\[0\]\.id {2}expected an id of lowercase letters, digits and hyphens \(like "talent-plan-2020"\), got "\.\.\/escape"$/);
    assert.not.ok(await lstat(path.join(ws.dir, 'escape')).catch(() => undefined), 'nothing written beside the output');
    countBadInput('id holding ../');
  } finally {
    await data.remove();
  }
});

test('a partial named with ../ is not read from the disk: it fails naming itself', async () => {
  const result = await brief(['build', '--data', FIXTURE_DATA, '--out', path.join(ws.dir, 'partial-out'), '--templates', robustnessFixture('themes/escape-partial'), ...ONE]);
  assert.is(result.code, 1, result.stderr);
  assert.equal(errorLines(result), [
    `error: ${robustnessFixture('themes/escape-partial/partials/sources-line.hbs')}  template failed: The partial ../../../../etc/hostname could not be found`,
  ]);
  countBadInput('partial name with ../');
});

test('a template file that is a link to a file outside the templates folder is refused, naming both', async () => {
  const theme = path.join(ws.dir, 'linked-theme');
  await mkdir(path.join(theme, 'partials'), { recursive: true });
  const outside = path.join(ws.dir, 'outside-secret.hbs');
  await writeFile(outside, 'SECRET FROM OUTSIDE');
  await symlink(outside, path.join(theme, 'partials', 'bottom-line.hbs'));
  const out = path.join(ws.dir, 'linked-theme-out');
  const result = await brief(['build', '--data', FIXTURE_DATA, '--out', out, '--templates', theme, ...ONE]);
  assert.is(result.code, 1, result.stderr);
  assert.equal(errorLines(result), [
    `error: ${path.join(theme, 'partials', 'bottom-line.hbs')} is a link to ${outside}, outside the templates folder ${theme}`,
  ]);
  const written = await listFiles(out).catch(() => [] as string[]);
  assert.equal(written.filter((f) => !f.endsWith('manifest.json')), [], 'no document was written');
  countBadInput('symlinked template');
});

test('a template pointing at a file:// URL outside the project is blocked and reported', async () => {
  const out = path.join(ws.dir, 'file-url-out');
  const result = await brief(['build', '--data', FIXTURE_DATA, '--out', out, '--templates', robustnessFixture('themes/file-url'), ...ONE]);
  fileUrlBuild = result;
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stderr, 'warning: programmes/alpha/alpha-one-pager.pdf: blocked a request to file:///etc/hostname\n');
  assert.match(pdfText(path.join(out, 'programmes/alpha/alpha-one-pager.pdf')), 'Sources below.');
  countBadInput('file:// URL outside the project in a template');
});

test('a stylesheet pointing at a font outside the project does not get it: the PDF embeds only bundled fonts', async () => {
  const out = path.join(ws.dir, 'file-url-out');
  const fonts = execFileSync('pdffonts', [path.join(out, 'programmes/alpha/alpha-one-pager.pdf')], { encoding: 'utf8' });
  assert.not.match(fonts, /DejaVu/i);
  // Every font pdffonts lists is a bundled one, subset prefix and all (issue 11): none of the machine's,
  // also for the list marker that the stylesheet's 'Noto Sans' lacks (it had come out in DejaVu Sans).
  const names = fonts.trim().split('\n').slice(2).map((line) => line.split(/\s+/)[0]);
  assert.ok(names.length > 0);
  for (const name of names) assert.match(name!, /^[A-Z]{6}\+(NotoSerif|NotoSans|NotoSansSCThin)-(Regular|Italic|SemiBold|Bold|BoldItalic)$/);
  countBadInput('font outside the project in a stylesheet');
});

// A font is fetched when text first uses it, that is, while a document is on the page.
test('the font request is reported as blocked, naming the document and the URL', () => {
  assert.match(
    fileUrlBuild!.stderr,
    'warning: programmes/alpha/alpha-one-pager.pdf: blocked a request to file:///usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf\n',
  );
});

test("a symlink in output/ to a folder outside it is not written through", async () => {
  const out = path.join(ws.dir, 'linked-folder-out');
  const outside = path.join(ws.dir, 'outside-folder');
  await copyOutput(built, { ...ws, out });
  await mkdir(outside);
  await writeFile(path.join(outside, 'alpha-one-pager.pdf'), 'not yours\n');
  await rm(path.join(out, 'programmes/alpha'), { recursive: true });
  await symlink(outside, path.join(out, 'programmes/alpha'));
  const before = await snapshot(out);
  const result = await brief(['build', '--data', FIXTURE_DATA, '--out', out, '--force', ...ONE]);
  assert.is(result.code, 4, result.stderr);
  assert.equal(errorLines(result), [
    `error: refusing to write into ${path.join(out, 'programmes/alpha')}: it leads outside ${out} (a symlink?)`,
  ]);
  assert.is(await readFile(path.join(outside, 'alpha-one-pager.pdf'), 'utf8'), 'not yours\n', 'the outside file is untouched');
  assert.equal(await lostOrCorrupted(before, out), []);
  countBadInput('symlinked folder in output/');
});

test('a symlink in output/ in place of a PDF is replaced, and the file it pointed at is untouched', async () => {
  const out = path.join(ws.dir, 'linked-file-out');
  const outside = path.join(ws.dir, 'outside-file.pdf');
  await copyOutput(built, { ...ws, out });
  await writeFile(outside, 'not yours\n');
  const target = path.join(out, 'programmes/alpha/alpha-one-pager.pdf');
  await rm(target);
  await symlink(outside, target);
  const result = await brief(['build', '--data', FIXTURE_DATA, '--out', out, '--force', ...ONE]);
  assert.is(result.code, 0, result.stderr);
  assert.is(await readFile(outside, 'utf8'), 'not yours\n', 'the outside file is untouched');
  assert.ok((await lstat(target)).isFile(), 'the output is a regular file now');
  assert.equal(await readFile(target), await readFile(path.join(built, 'programmes/alpha/alpha-one-pager.pdf')));
  countBadInput('symlinked file in output/');
});

test.run();
