// Issue 20: what data names is read as untrusted data is read. A source's `text:` is only a regular
// file inside the data folder, at most 5 MB, never a pipe or device that could hang `check` or
// fill memory, and never a file elsewhere whose contents the answer would give away; `--source`
// is held to the same kinds of file. Invisible characters do not hide an excerpt; a second YAML
// document, an unknown currency or language are refused at their lines; a 202-character URL in a
// table cell prints whole.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/run-cli.js';
import { countBadInput, finished, makeTemp, spawnBrief, type CliResult, type Workspace } from './helpers.js';

/** Longer than any of these runs takes; a hang fails the case instead of the suite. */
const LIMIT_MS = 60_000;

/** `brief ...` in `cwd`, killed (and failed) if it has not ended within LIMIT_MS. */
async function briefIn(cwd: string, args: string[]): Promise<CliResult & { ms: number }> {
  const started = Date.now();
  const child = spawnBrief(args, cwd);
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
  const result = await finished(child);
  clearTimeout(timer);
  assert.is(result.signal, null, `brief ${args.join(' ')} did not end within ${LIMIT_MS} ms`);
  return { ...result, ms: Date.now() - started };
}

let ws: Workspace;
test.before(async () => {
  ws = await makeTemp('brief-confined-');
});
test.after(() => ws.remove());

/** A copy of the two-sources fixture (texts in data/texts/) in a folder of its own. */
async function project(name: string): Promise<string> {
  const dir = path.join(ws.dir, name);
  await cp(fixture('facts/two-sources'), dir, { recursive: true });
  return dir;
}

/** A data file declaring one source per entry, each naming its text as given. */
function sourcesFile(texts: readonly string[]): string {
  const entries = texts.map(
    (text, i) => `  - id: probe-${i}\n    publisher: Probe ${i}\n    headline: Probe ${i}\n    date: "2024-03-01"\n    text: ${JSON.stringify(text)}\n`,
  );
  return `sources:\n${entries.join('')}`;
}

/** The line of data/probes.yaml that names source i's text: `sources:`, then five lines a source. */
const textLine = (i: number) => 2 + i * 5 + 4;

const OUTSIDE = "a source's text is read only from inside it (put the file in data/ and name it from there)";
const NOT_REGULAR = 'it is not a regular file (a pipe, socket or device); expected a text file';

test("a source's text that is a pipe, device, socket, folder, link out or path out is refused at its line, without reading it", async () => {
  const dir = await project('paths');
  const data = path.join(dir, 'data');
  execFileSync('mkfifo', [path.join(data, 'pipe.txt')]);
  mkdirSync(path.join(data, 'folder.txt'));
  symlinkSync('/etc/passwd', path.join(data, 'passwd-link.txt'));
  symlinkSync('/dev/zero', path.join(data, 'zero-link.txt'));
  symlinkSync('pipe.txt', path.join(data, 'pipe-link.txt'));
  writeFileSync(path.join(dir, 'beside.txt'), 'More than 300 engineers have applied so far\n');
  symlinkSync('../beside.txt', path.join(data, 'beside-link.txt'));
  // A socket listening in the data folder: opening it for reading would fail, not block.
  const server = net.createServer().listen(path.join(data, 'socket.txt'));
  await new Promise((resolve) => server.once('listening', resolve));
  const texts = [
    'pipe.txt', // 0
    '/dev/zero', // 1
    '../../../../../../../../etc/passwd', // 2
    'passwd-link.txt', // 3
    'folder.txt', // 4
    'socket.txt', // 5
    '/dev/null', // 6
    '/proc/self/environ', // 7
    'zero-link.txt', // 8
    '../beside.txt', // 9
    'beside-link.txt', // 10
    'pipe-link.txt', // 11
    '../../../../../../../../etc/no-such-file', // 12
  ];
  await writeFile(path.join(data, 'probes.yaml'), sourcesFile(texts));
  const run = await briefIn(dir, ['check']).finally(() => server.close());
  assert.is(run.code, 1, run.stderr);
  const at = (i: number, shown: string, reason: string) =>
    `data/probes.yaml:${textLine(i)}:11  sources[${i}].text  cannot read the source's text ${shown}: ${reason}`;
  const outside = `it lies outside the data folder data; ${OUTSIDE}`;
  const expected = [
    at(0, 'data/pipe.txt', NOT_REGULAR),
    at(1, '/dev/zero', outside),
    at(2, '/etc/passwd', outside),
    at(3, 'data/passwd-link.txt', outside),
    at(4, 'data/folder.txt', 'it is a folder; expected a text file'),
    at(5, 'data/socket.txt', NOT_REGULAR),
    at(6, '/dev/null', outside),
    at(7, '/proc/self/environ', outside),
    at(8, 'data/zero-link.txt', outside),
    at(9, 'beside.txt', outside),
    at(10, 'data/beside-link.txt', outside),
    at(11, 'data/pipe-link.txt', NOT_REGULAR),
    // A file outside that does not exist is answered as one that does: the answer is no oracle.
    at(12, '/etc/no-such-file', outside),
  ];
  const lines = run.stderr.trim().split('\n');
  for (const line of expected) assert.ok(lines.includes(line), `expected the line\n${line}\nin\n${run.stderr}`);
  assert.is(lines.at(-1), `${expected.length} problems found`);
  assert.not.match(run.stderr, /root:|    at /, 'no file outside is quoted, and no stack trace');
  for (const name of ['pipe', '/dev/zero', 'path out of the data folder', 'link out of the data folder', 'folder', 'socket', '/dev/null', '/proc/self/environ', 'link to a device', 'path to a sibling folder', 'link to a sibling file', 'link to a pipe', 'path to a missing file outside']) {
    countBadInput(`source text: ${name}`);
  }
});

test("a source's text whose path loops, runs through a file, is too long, holds a NUL or names the data folder is one line each", async () => {
  const dir = await project('odd-paths');
  const data = path.join(dir, 'data');
  // In a dot-folder, which the data folder's own listing skips, so only the text's reader meets the loop.
  mkdirSync(path.join(data, '.loops'));
  symlinkSync('b', path.join(data, '.loops/a'));
  symlinkSync('a', path.join(data, '.loops/b'));
  const long = 'x'.repeat(5000);
  await writeFile(path.join(data, 'probes.yaml'), sourcesFile(['.loops/a', 'texts/harbour-news.txt/inside.txt', long, 'a\0b.txt', '.']));
  const run = await briefIn(dir, ['check']);
  assert.is(run.code, 1, run.stderr);
  const at = (i: number, shown: string, reason: string) =>
    `data/probes.yaml:${textLine(i)}:11  sources[${i}].text  cannot read the source's text ${shown}: ${reason}`;
  assert.equal(run.stderr.trim().split('\n'), [
    at(0, 'data/.loops/a', 'its symbolic links lead round in a loop'),
    at(1, 'data/texts/harbour-news.txt/inside.txt', 'a part of its path is a file, not a folder'),
    at(2, `data/${long}`, 'its path is too long'),
    at(3, 'data/a\0b.txt', 'its path holds a NUL character'),
    at(4, 'data', 'it is a folder; expected a text file'),
    '5 problems found',
  ]);
  for (const name of ['symbolic link loop', 'path through a file', '5000-character path', 'NUL in the path', 'the data folder itself']) {
    countBadInput(`source text: ${name}`);
  }
});

test("a source's text over 5 MB is refused at its line without being read into memory; one just under is read", async () => {
  const dir = await project('sizes');
  const data = path.join(dir, 'data');
  const harbour = await readFile(path.join(data, 'texts/harbour-news.txt'), 'utf8');
  // Padding first, the article at the end: an excerpt found in the small text is found here only if the text was read whole.
  const pad = (bytes: number) => 'filler line of an archive\n'.repeat(Math.ceil(bytes / 26)).slice(0, bytes - Buffer.byteLength(harbour)) + harbour;
  await writeFile(path.join(data, 'texts/harbour-news.txt'), pad(5 * 1024 * 1024));
  await writeFile(path.join(data, 'texts/council-notice.md'), pad(5 * 1024 * 1024 + 1));
  writeFileSync(path.join(data, 'texts/huge.txt'), Buffer.alloc(64 * 1024 * 1024, 'a'));
  await writeFile(path.join(data, 'probes.yaml'), sourcesFile(['texts/huge.txt']));
  const run = await briefIn(dir, ['check']);
  assert.is(run.code, 1, run.stderr);
  assert.equal(run.stderr.trim().split('\n'), [
    "data/meta.yaml:12:11  sources[1].text  cannot read the source's text data/texts/council-notice.md: it is larger than 5 MB; a source's text may hold at most 5 MB (keep the passages the claims quote)",
    `data/probes.yaml:${textLine(0)}:11  sources[0].text  cannot read the source's text data/texts/huge.txt: it is larger than 5 MB (64.0 MB); a source's text may hold at most 5 MB (keep the passages the claims quote)`,
    '2 problems found',
  ]);
  assert.ok(run.ms < 30_000, `took ${run.ms} ms`);
  countBadInput('source text: one byte over 5 MB');
  countBadInput('source text: 64 MB');
});

test('source texts that together pass 50 MB: the one that passes it is refused at its line, the ten before are read', async () => {
  const dir = await project('total');
  const data = path.join(dir, 'data');
  const names = Array.from({ length: 11 }, (_, i) => `texts/archive-${i}.txt`);
  const chunk = Buffer.alloc(Math.floor(4.9 * 1024 * 1024), 'b');
  for (const name of names) writeFileSync(path.join(data, name), chunk);
  await writeFile(path.join(data, 'probes.yaml'), sourcesFile(names));
  const run = await briefIn(dir, ['check']);
  assert.is(run.code, 1, run.stderr);
  assert.equal(run.stderr.trim().split('\n'), [
    `data/probes.yaml:${textLine(10)}:11  sources[10].text  cannot read the source's text data/texts/archive-10.txt: with it the source texts come to more than 50 MB, the most one check reads`,
    '1 problem found',
  ]);
  countBadInput('source texts over 50 MB together');
});

test('--source naming a pipe, a device, a folder or a text over 5 MB is one usage line, exit 2, and never hangs', async () => {
  const dir = await project('fallback');
  execFileSync('mkfifo', [path.join(dir, 'pipe')]);
  writeFileSync(path.join(dir, 'big.txt'), Buffer.alloc(6 * 1024 * 1024, 'a'));
  const cases: Array<[string, string]> = [
    ['pipe', NOT_REGULAR],
    ['/dev/zero', NOT_REGULAR],
    ['/dev/urandom', NOT_REGULAR],
    ['data', 'it is a folder; expected a text file'],
    ['big.txt', "it is larger than 5 MB (6.0 MB); a source's text may hold at most 5 MB (keep the passages the claims quote)"],
    ['no-such.txt', 'it does not exist'],
  ];
  for (const [file, reason] of cases) {
    const run = await briefIn(dir, ['check', '--source', file]);
    assert.is(run.code, 2, `${file}: ${run.stderr}`);
    assert.is(run.stderr, `error: --source ${file}: cannot read the source text: ${reason}\n`);
    countBadInput(`--source ${file}`);
  }
});

test("--source outside the data folder is still read: the command line is the user's own", async () => {
  const dir = await project('fallback-outside');
  const run = await briefIn(dir, ['check', '--source', 'data/texts/radio-transcript.txt']);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, '1 excerpt against radio-interview (data/texts/radio-transcript.txt)');
});

const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u180e'];

test('invisible characters in a source text or in an excerpt do not make it "not found"', async () => {
  const dir = await project('invisible');
  const texts = path.join(dir, 'data/texts');
  const harbour = await readFile(path.join(texts, 'harbour-news.txt'), 'utf8');
  // One invisible character after every third letter of the text, each kind in turn.
  let n = 0;
  const sprinkled = harbour.replace(/\p{L}/gu, (ch) => (++n % 3 === 0 ? ch + INVISIBLE[n % INVISIBLE.length] : ch));
  await writeFile(path.join(texts, 'harbour-news.txt'), `\ufeff${sprinkled}`);
  const claims = path.join(dir, 'data/claims.yaml');
  const before = await readFile(claims, 'utf8');
  await writeFile(claims, before.replace('More than 300 engineers have applied so far', 'More than 300 engi\u00adneers have ap\u200bplied so\u2060 far'));
  const run = await briefIn(dir, ['check']);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, 'verified 2 excerpts and 1 quote against harbour-news (data/texts/harbour-news.txt)');
  countBadInput('invisible characters in a source text');
  countBadInput('invisible characters in an excerpt');
});

test('an excerpt that misses only by a hyphen at a line break says so, and shows its invisible characters', async () => {
  const dir = await project('hyphen');
  const texts = path.join(dir, 'data/texts');
  const harbour = await readFile(path.join(texts, 'harbour-news.txt'), 'utf8');
  await writeFile(path.join(texts, 'harbour-news.txt'), harbour.replace('More than 300 engineers', 'More than 300 engi-\nneers'));
  const claims = path.join(dir, 'data/claims.yaml');
  await writeFile(claims, (await readFile(claims, 'utf8')).replace('More than 300 engineers have applied so far', 'More than 300 engineers have applied so\u00ad far'));
  const run = await briefIn(dir, ['check']);
  assert.is(run.code, 1, run.stderr);
  assert.is(
    run.stderr.split('\n')[0],
    'data/claims.yaml:13:14  claims[1].excerpt  excerpt not found in the text of harbour-news (data/texts/harbour-news.txt): "More than 300 engineers have applied so<U+00AD> far"; ' +
      'it would match with the hyphens inside words left out: one side breaks a word with a hyphen (a line break, or a soft hyphen U+00AD copied as "-") where the other does not',
  );
  countBadInput('excerpt differing by a line-break hyphen');
});

test('a data file with a second YAML document, an unknown currency and an unknown language are refused at their lines', async () => {
  const dir = await project('codes');
  const data = path.join(dir, 'data');
  await writeFile(path.join(data, 'more.yaml'), 'people: []\n\n---\norganisations: []\n');
  const twoDocs = await briefIn(dir, ['check']);
  assert.is(twoDocs.code, 1, twoDocs.stderr);
  assert.is(twoDocs.stderr, 'data/more.yaml:3:1  (file)  a data file holds one YAML document; found a second (---) here\n1 problem found\n');
  rmSync(path.join(data, 'more.yaml'));

  const meta = path.join(data, 'meta.yaml');
  const metaText = await readFile(meta, 'utf8');
  const programmes = path.join(data, 'programmes.yaml');
  const programmesText = await readFile(programmes, 'utf8');
  const cases: Array<[string, string, string]> = [
    ['language: xx-Invalid, ', 'currency: EUR', 'data/meta.yaml:1:19  meta.language  language "xx-Invalid" names no language known here; expected a BCP 47 tag such as en, en-GB, fr, ko or zh-Hans'],
    ['language: en-Bogus1, ', 'currency: EUR', 'data/meta.yaml:1:19  meta.language  language "en-Bogus1" names no language known here; expected a BCP 47 tag such as en, en-GB, fr, ko or zh-Hans'],
    ['language: en-abcdefghi, ', 'currency: EUR', 'data/meta.yaml:1:19  meta.language  language "en-abcdefghi" is not a valid BCP 47 tag; expected a BCP 47 tag such as en, en-GB, fr, ko or zh-Hans'],
    ['', 'currency: CYN', 'data/programmes.yaml:9:75  programmes[0].incentives[0].currency  unknown currency "CYN"; expected an ISO 4217 code such as EUR, USD or KRW (did you mean "CNY"?)'],
    ['', 'currency: XYZ', 'data/programmes.yaml:9:75  programmes[0].incentives[0].currency  unknown currency "XYZ"; expected an ISO 4217 code such as EUR, USD or KRW'],
    ['', 'currency: GPB', 'data/programmes.yaml:9:75  programmes[0].incentives[0].currency  unknown currency "GPB"; expected an ISO 4217 code such as EUR, USD or KRW (did you mean "GBP"?)'],
    ['comparisonCurrency: ABC, ', 'currency: EUR', 'data/meta.yaml:1:29  meta.comparisonCurrency  unknown currency "ABC"; expected an ISO 4217 code such as EUR, USD or KRW'],
  ];
  for (const [metaField, currency, line] of cases) {
    await writeFile(meta, metaText.replace('meta: { ', `meta: { ${metaField}`));
    await writeFile(programmes, programmesText.replace('currency: EUR', currency));
    const run = await briefIn(dir, ['check']);
    assert.is(run.code, 1, run.stderr);
    assert.is(run.stderr, `${line}\n1 problem found\n`);
    countBadInput(`data code: ${metaField}${currency}`);
  }
  await writeFile(meta, metaText);
  await writeFile(programmes, programmesText);
  await writeFile(path.join(data, 'people.yaml'), 'people:\n  - id: jo-reed\n    name: Jo Reed\n    role: deputy mayor\n    native: { text: 조 리드, lang: ko-Hanx }\n');
  const native = await briefIn(dir, ['check']);
  assert.is(native.code, 1, native.stderr);
  assert.is(
    native.stderr,
    'data/people.yaml:5:33  people[0].native.lang  language "ko-Hanx" names no language known here; expected a BCP 47 tag such as en, en-GB, fr, ko or zh-Hans\n1 problem found\n',
  );
  countBadInput('data code: a native name in language ko-Hanx');
  countBadInput('a second YAML document in a data file');
});

test('a config file with a second YAML document is one usage line at the ---, exit 2', async () => {
  const dir = await project('config-two-docs');
  await writeFile(path.join(dir, 'brief.config.yaml'), 'data: data\npaper: a4\n---\npaper: letter\n');
  const run = await briefIn(dir, ['check']);
  assert.is(run.code, 2, run.stderr);
  assert.is(run.stderr, 'error: brief.config.yaml:3:1  a config file holds one YAML document; found a second (---) here\n');
  countBadInput('a second YAML document in the config file');
});

test("a templates folder's labels.yaml: a misspelled plural category or plural forms on a label without a count fail the build at that key's line", async () => {
  const cases: Array<[string, string, string]> = [
    ['sevral', 'pack:\n  documents:\n    one: "1 paper"\n    sevral: "{count} papers"\n    other: "{count} papers"\n', '4:5  unknown plural category "sevral" for pack.documents; expected one of zero, one, two, few, many, other'],
    ['One', 'pack:\n  documents:\n    One: "1 paper"\n    other: "{count} papers"\n', '3:5  unknown plural category "One" for pack.documents; expected one of zero, one, two, few, many, other (did you mean "one"?)'],
    ['no count', 'heading:\n  bottom-line:\n    one: Bottom line\n    other: Bottom lines\n', '2:3  label "heading.bottom-line" takes no count, so it has no plural forms; give it one text'],
  ];
  for (const [name, labels, where] of cases) {
    const templates = path.join(ws.dir, `labels-${name.replace(' ', '-')}`);
    mkdirSync(templates, { recursive: true });
    writeFileSync(path.join(templates, 'labels.yaml'), labels);
    const out = path.join(ws.dir, `labels-out-${name.replace(' ', '-')}`);
    const run = await briefIn(ROOT, ['build', '--data', fixture('facts/two-sources/data'), '--templates', templates, '--out', out]);
    assert.is(run.code, 1, run.stderr);
    assert.is(run.stderr, `error: ${path.join(templates, 'labels.yaml')}:${where}\n`);
    countBadInput(`labels.yaml: ${name}`);
  }
});

test('a 202-character URL in a table cell prints whole on its page: exit 0, nothing clipped', async () => {
  const data = path.join(ws.dir, 'long-url-data');
  await cp(path.join(ROOT, 'test/fixtures/proof/rural-doctors/data'), data, { recursive: true });
  const url = `https://www.harbourcitycouncil.example.org/${'applicants/'.repeat(14)}guidance-notes-2025.html`.slice(0, 197) + '.html';
  assert.is(url.length, 202);
  const programmes = path.join(data, 'programmes.yaml');
  const text = await readFile(programmes, 'utf8');
  assert.match(text, /jurisdiction: .*\n/);
  await writeFile(programmes, text.replace(/jurisdiction: .*\n/, `jurisdiction: "${url}"\n`));
  const out = path.join(ws.dir, 'long-url-out');
  const run = await briefIn(ROOT, ['build', '--data', data, '--out', out, '--format', 'brief', '--json']);
  assert.is(run.code, 0, run.stderr);
  const summary = JSON.parse(run.stdout) as { proof: { findings: Array<{ kind: string }> } };
  assert.equal(summary.proof.findings.filter((f) => f.kind === 'clipped-text'), []);
  const pdf = path.join(out, 'programmes/rural-doctors-bursary/rural-doctors-bursary-brief.pdf');
  // The cell breaks the URL over lines: read in reading order with the line ends taken out, it is whole.
  const read = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s*\n\s*/g, '');
  assert.ok(read.includes(url), `the URL whole in:\n${read.slice(0, 2000)}`);
  countBadInput('a 202-character URL in a table cell');
});

test.run();
