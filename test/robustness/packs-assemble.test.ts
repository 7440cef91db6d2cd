// Issue 20, items 3, 5, 6, 14 and 18: what a pack prints is checked for characters no bundled font
// draws before anything is written; the whole plan's zip holds only documents at the data's
// marking; `brief assemble` takes titles, pages and paths from the files and the plan, not from a
// shard manifest's word, names a stale shard manifest, and assembles shards built with --format.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeWorkspace } from '../batch/helpers/build-fixture.js';
import { countBadInput, countFault, finished, listFiles, pdfText, spawnBrief } from './helpers.js';
import { withoutProof } from '../helpers/proof-lines.js';

const AUDIENCES = [
  'audiences:',
  '  - id: board',
  '    title: Board of Trustees',
  '    distribution: CONFIDENTIAL — board only',
  '    programmes: [alpha]',
  '    topics: []',
  '  - id: staff',
  '    title: Research staff',
  '    distribution: INTERNAL — staff',
  '    formats: [one-pager, html]',
  '  - id: public',
  '    title: The public',
  '    programmes: [beta]',
  '',
].join('\n');

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
const brief = (...args: string[]) => finished(spawnBrief(args, ws.dir));
const at = (...parts: string[]) => path.join(ws.dir, ...parts);
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

test.before(async () => {
  ws = await makeWorkspace();
  await writeFile(at('brief.config.yaml'), AUDIENCES);
  for (const k of [1, 2]) {
    const run = await brief('build', '--shard', `${k}/2`, '--out', `s-${k}`);
    assert.is(run.code, 0, run.stderr);
  }
});
test.after(async () => ws.remove());

/** A command that must be refused with `code`, in one line, writing nothing into `out`. */
async function refused(code: number, out: string, ...args: string[]): Promise<string> {
  const run = await brief(...args, '--out', out);
  assert.is(run.code, code, run.stderr);
  const lines = withoutProof(run.stderr).trim().split('\n');
  assert.is(lines.length, 1, `one line: ${run.stderr}`);
  assert.not.ok(existsSync(at(out)), `nothing written: not even ${out}`);
  return lines[0]!;
}

// --- Item 3: the words only a pack prints ------------------------------------------------------

const AUDIENCE_WORDS: [field: 'title' | 'distribution', text: string, characters: string][] = [
  ['title', 'Board 😀 𝕏', 'U+1F600 "😀", U+1D54F "𝕏"'],
  ['title', 'Board ส', 'U+0E2A "ส"'],
  ['title', 'ქ board', 'U+10E5 "ქ"'],
  ['title', 'Board ✡ 🂡 👍🏽', 'U+2721 "✡", U+1F0A1 "🂡", U+1F44D "👍" (and 1 more character)'],
  ['distribution', 'CONFIDENTIAL 🔒', 'U+1F512 "🔒"'],
  ['distribution', 'INTERNAL — ქ', 'U+10E5 "ქ"'],
];

test('an audience title or marking no bundled font draws is refused at its place in the config, and nothing is written', async () => {
  for (const [n, [field, text, characters]] of AUDIENCE_WORDS.entries()) {
    const config = `bad-${n}.yaml`;
    const lines = ['audiences:', '  - id: board', `    title: ${field === 'title' ? JSON.stringify(text) : 'Board'}`];
    if (field === 'distribution') lines.push(`    distribution: ${JSON.stringify(text)}`);
    await writeFile(at(config), `${lines.join('\n')}\n`);
    const place = field === 'title' ? '3:12' : '4:19';
    const boxes = characters.includes(',') ? 'them as empty boxes' : 'it as an empty box';
    const where = field === 'title' ? "its pack's cover" : 'its documents and pack';
    // assemble reads the config as build does: one variant is enough to show it refuses as early.
    for (const command of n === 0 ? ['build', 'assemble'] : ['build']) {
      const args = command === 'build' ? ['build', '--config', config] : ['assemble', 's-1', 's-2', '--config', config];
      const line = await refused(2, `out-${command}-${n}`, ...args);
      assert.is(line, `error: ${config}:${place}  audiences[0].${field} ${JSON.stringify(text)}: no bundled font can draw ${characters}; ${where} would print ${boxes}`);
    }
    countBadInput(`audience ${field} ${JSON.stringify(text)} no bundled font draws`);
  }
});

test('an author or marking given to the build that no bundled font draws is refused before anything is written', async () => {
  const cases: [args: string[], line: string][] = [
    [['--author', 'Desk 😀'], 'error: --author (or author: in the config file) "Desk 😀": no bundled font can draw U+1F600 "😀"; every document and pack would print it as an empty box'],
    [['--distribution', 'PUBLIC ส ქ'], 'error: --distribution (or distribution: in the config file) "PUBLIC ส ქ": no bundled font can draw U+0E2A "ส", U+10E5 "ქ"; every document and pack would print them as empty boxes'],
  ];
  for (const [n, [args, line]] of cases.entries()) {
    assert.is(await refused(2, `out-given-${n}`, 'build', ...args), line);
    countBadInput(`${args[0]} no bundled font draws`);
  }
  await writeFile(at('marking.yaml'), 'distribution: "PUBLIC 🔒"\n');
  assert.is(
    await refused(2, 'out-given-config', 'build', '--config', 'marking.yaml'),
    'error: --distribution (or distribution: in the config file) "PUBLIC 🔒": no bundled font can draw U+1F512 "🔒"; every document and pack would print it as an empty box',
  );
  countBadInput('a marking in the config file no bundled font draws');
});

const LABELS: [yaml: string, place: string, key: string, characters: string][] = [
  ['pack:\n  contents: "Contents 😀"\n', '2:3', 'pack.contents', 'U+1F600 "😀"'],
  ['pack:\n  briefing-pack: "Briefing 📦 pack"\n', '2:3', 'pack.briefing-pack', 'U+1F4E6 "📦"'],
  ['pack:\n  page-number: "Pack page {page} ✡"\n', '2:3', 'pack.page-number', 'U+2721 "✡"'],
  ['pack:\n  for-audience: "ส {audience}"\n', '2:3', 'pack.for-audience', 'U+0E2A "ส"'],
  ['# counts\npack:\n  documents:\n    one: "1 document"\n    other: "{count} documents 🗂"\n', '3:3', 'pack.documents', 'U+1F5C2 "🗂"'],
  ['heading:\n  bottom-line: "Bottom line 😀"\n', '2:3', 'heading.bottom-line', 'U+1F600 "😀"'],
];

test('a label no bundled font draws is refused at its line in the labels file, and nothing is written', async () => {
  for (const [n, [yaml, place, key, characters]] of LABELS.entries()) {
    const templates = at(`labels-${n}`);
    await mkdir(templates, { recursive: true });
    await writeFile(path.join(templates, 'labels.yaml'), yaml);
    const line = await refused(1, `out-labels-${n}`, 'build', '--templates', templates);
    assert.is(line, `error: ${path.join(templates, 'labels.yaml')}:${place}  label "${key}": no bundled font can draw ${characters}; it would print as an empty box`);
    countBadInput(`label ${key} no bundled font draws`);
  }
  // A translation a templates folder adds is checked as its labels file is.
  const translated = at('labels-fr');
  await mkdir(path.join(translated, 'languages'), { recursive: true });
  await writeFile(path.join(translated, 'languages', 'fr.yaml'), 'pack:\n  contents: "Sommaire 🗒"\n');
  assert.is(
    await refused(1, 'out-labels-fr', 'build', '--templates', translated),
    `error: ${path.join(translated, 'languages', 'fr.yaml')}:2:3  label "pack.contents": no bundled font can draw U+1F5D2 "🗒"; it would print as an empty box`,
  );
  countBadInput('a translated label no bundled font draws');
});

// --- Item 5: the whole plan's zip --------------------------------------------------------------

const zipNames = (file: string) => execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');

test("the whole plan's zip holds only documents at the data's marking; each audience's go in its own zip alone", async () => {
  const run = await brief('build', '--zip', '--out', 'zipped');
  assert.is(run.code, 0, run.stderr);
  const main = at('zipped', 'briefing-pack.zip');
  const names = zipNames(main);
  assert.equal(names, [
    'programmes/alpha/alpha-brief.pdf',
    'programmes/alpha/alpha-one-pager.pdf',
    'programmes/alpha/alpha.html',
    'programmes/beta/beta-brief.pdf',
    'programmes/beta/beta-one-pager.pdf',
    'programmes/beta/beta.html',
    'topics/recruitment/recruitment-brief.pdf',
    'topics/recruitment/recruitment-one-pager.pdf',
    'topics/recruitment/recruitment.html',
    'briefing-pack.pdf',
    'manifest.json',
  ]);
  // Every PDF in it, read back out of the zip, carries the data's marking and no audience's.
  const unzipped = at('unzipped');
  execFileSync('unzip', ['-q', main, '-d', unzipped]);
  for (const name of names.filter((n) => n.endsWith('.pdf'))) {
    const text = pdfText(path.join(unzipped, name));
    assert.match(text, 'PUBLIC — FIXTURE', name);
    for (const word of ['CONFIDENTIAL', 'INTERNAL', 'Board of Trustees', 'Research staff']) assert.not.match(text, word, `${name}: ${word}`);
  }
  const inside = await readFile(path.join(unzipped, 'manifest.json'), 'utf8');
  for (const word of ['CONFIDENTIAL', 'INTERNAL', 'Board of Trustees', 'audiences/']) assert.not.match(inside, word);
  // The manifest beside it still records every audience's pack and zip.
  const manifest = JSON.parse(await readFile(at('zipped', 'manifest.json'), 'utf8')) as { audiences: { id: string; zip: { path: string } }[] };
  assert.equal(manifest.audiences.map((a) => a.zip.path), ['audiences/board/briefing-pack.zip', 'audiences/staff/briefing-pack.zip', 'audiences/public/briefing-pack.zip']);
  assert.equal(zipNames(at('zipped', 'audiences/board/briefing-pack.zip')), ['programmes/alpha/alpha-brief.pdf', 'programmes/alpha/alpha-one-pager.pdf', 'programmes/alpha/alpha.html', 'briefing-pack.pdf']);
  assert.match(pdfText(at('zipped', 'audiences/board/briefing-pack.pdf')), 'CONFIDENTIAL — BOARD ONLY');
  assert.ok(zipNames(at('zipped', 'audiences/public/briefing-pack.zip')).includes('briefing-pack.pdf'));
  countBadInput('an audience marked CONFIDENTIAL with --zip');
  countBadInput('an audience marked INTERNAL with --zip');
  countBadInput("an audience at the data's marking with --zip");
});

// --- Item 6: a shard manifest's entries are claims ---------------------------------------------

type Entry = { key: string; path: string; title: string; pages: number; bytes: number; sha256: string; format: string; subject: { kind: string; id: string } };

/** s-1 and s-2 copied, with `change` made to s-1's shard manifest's entries. */
async function tampered(name: string, change: (files: Entry[], other: Entry[]) => void): Promise<void> {
  await cp(at('s-1'), at(name), { recursive: true });
  const file = at(name, 'shard-1-of-2.json');
  const shard = JSON.parse(await readFile(file, 'utf8')) as { files: Entry[] };
  const other = (JSON.parse(await readFile(at('s-2', 'shard-2-of-2.json'), 'utf8')) as { files: Entry[] }).files;
  change(shard.files, other);
  await writeFile(file, JSON.stringify(shard, null, 2));
}

test('the shards as built list their documents where the plan puts them', async () => {
  const keys = JSON.parse(await readFile(at('s-1', 'shard-1-of-2.json'), 'utf8')).files.map((f: Entry) => `${f.key} ${f.path} ${f.pages}`);
  assert.equal(keys.slice(0, 3), ['programmes/alpha/brief programmes/alpha/alpha-brief.pdf 2', 'programmes/beta/brief programmes/beta/beta-brief.pdf 1', 'topics/recruitment/one-pager topics/recruitment/recruitment-one-pager.pdf 1']);
});

const TAMPERED: [name: string, change: (files: Entry[], other: Entry[]) => void, message: string][] = [
  [
    "another document's path and hash",
    (f, o) => Object.assign(f[1]!, { path: o[4]!.path, sha256: o[4]!.sha256, bytes: o[4]!.bytes, title: o[4]!.title, pages: o[4]!.pages }),
    'files[1] puts programmes/beta/brief at topics/recruitment/recruitment-brief.pdf, where the plan puts it at programmes/beta/beta-brief.pdf',
  ],
  ['the path and hash of a document of its own shard', (f) => Object.assign(f[1]!, { path: f[0]!.path, sha256: f[0]!.sha256 }), 'files[1] puts programmes/beta/brief at programmes/alpha/alpha-brief.pdf, where the plan puts it at programmes/beta/beta-brief.pdf'],
  ['a changed title', (f) => (f[1]!.title = 'Beta scheme (revised): brief'), 'files[1] gives programmes/beta/brief the title "Beta scheme (revised): brief", but T/programmes/beta/beta-brief.pdf has "Beta scheme: brief"'],
  ['a changed HTML title', (f) => (f[3]!.title = 'Recruiting: brief'), 'files[3] gives topics/recruitment/html the title "Recruiting: brief", but T/topics/recruitment/recruitment.html has "Recruiting engineers: brief"'],
  ['more pages', (f) => (f[0]!.pages = 3), 'files[0] gives programmes/alpha/brief the page count 3, but T/programmes/alpha/alpha-brief.pdf has 2'],
  ['fewer pages', (f) => (f[0]!.pages = 1), 'files[0] gives programmes/alpha/brief the page count 1, but T/programmes/alpha/alpha-brief.pdf has 2'],
  ['pages for an HTML file', (f) => (f[3]!.pages = 1), 'files[3] gives topics/recruitment/html the page count 1, but T/topics/recruitment/recruitment.html has 0'],
  ['a changed size', (f) => (f[1]!.bytes += 1), 'files[1] gives programmes/beta/brief the size'],
  ['a changed format', (f) => (f[0]!.format = 'one-pager'), 'files[0] says programmes/alpha/brief is the one-pager of programme alpha, where the plan has the brief of programme alpha'],
  ['a changed subject', (f) => (f[0]!.subject = { kind: 'programme', id: 'beta' }), 'files[0] says programmes/alpha/brief is the brief of programme beta, where the plan has the brief of programme alpha'],
  ['a key given twice', (f) => void f.push({ ...f[0]! }), 'files[8] lists programmes/alpha/brief a second time'],
];

test("an entry that disagrees with its file or the plan is refused, naming the shard manifest and the entry, and nothing is written", async () => {
  for (const [n, [name, change, message]] of TAMPERED.entries()) {
    const folder = `t-${n}`;
    await tampered(folder, change);
    const line = await refused(2, `assembled-${n}`, 'assemble', folder, 's-2');
    assert.ok(line.startsWith(`error: ${folder}/shard-1-of-2.json: ${message.replaceAll('T/', `${folder}/`)}`), `${name}: ${line}`);
    assert.match(line, /: the shard manifest was changed( or damaged)?; build shard 1 of 2 again$/, name);
    countBadInput(`a shard manifest entry with ${name}`);
  }
});

test('a key moved to another shard\'s document is refused as in two shards; a key taken away is missing', async () => {
  await tampered('t-moved', (f, o) => (f[1]!.key = o[0]!.key));
  assert.is(await refused(2, 'assembled-moved', 'assemble', 't-moved', 's-2'), 'error: programmes/alpha/one-pager is in two shards: t-moved/shard-1-of-2.json and s-2/shard-2-of-2.json; give each shard once');
  await tampered('t-dropped', (f) => void f.splice(1, 1));
  assert.match(await refused(2, 'assembled-dropped', 'assemble', 't-dropped', 's-2'), /^error: the shards hold \d+ of the plan's \d+ documents; missing: programmes\/beta\/brief \(their shards did not build them/);
  countBadInput('a shard manifest entry given the key of another shard');
  countBadInput('a shard manifest entry taken away');
});

// --- Item 14: a stale shard manifest -----------------------------------------------------------

test('a shard build removes the shard manifest of another split; assemble names a stale one and why', async () => {
  const html = ['--format', 'html'];
  const first = await brief('build', '--shard', '1/2', '--out', 'h-1', ...html);
  assert.is(first.code, 0, first.stderr);
  await cp(at('h-1', 'shard-1-of-2.json'), at('stale-1-of-2.json'));
  const again = await brief('build', '--shard', '1/3', '--out', 'h-1', ...html);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stderr, 'warning: removed shard-1-of-2.json: a shard manifest of another split than 3, left by an earlier build into this folder');
  assert.equal((await listFiles(at('h-1'))).filter((f) => f.startsWith('shard-')), ['shard-1-of-3.json']);
  for (const k of [2, 3]) assert.is((await brief('build', '--shard', `${k}/3`, '--out', `h-${k}`, ...html)).code, 0);
  // Put back, as a copy or an older tool would leave it: assemble says which file is stale.
  await cp(at('stale-1-of-2.json'), at('h-1', 'shard-1-of-2.json'));
  const line = await refused(2, 'assembled-stale', 'assemble', 'h-1', 'h-2', 'h-3', ...html);
  assert.match(line, /^error: h-1\/shard-1-of-2\.json is shard 1 of a split into 2 \(written \d{4}-\d\d-\d\d \d\d:\d\d UTC\), the other shards are of a split into 3: it is stale; remove it, or build every shard of one --shard K\/N split$/);
  await rm(at('h-1', 'shard-1-of-2.json'));
  const whole = await brief('assemble', 'h-1', 'h-2', 'h-3', '--out', 'assembled-html', ...html);
  assert.is(whole.code, 0, whole.stderr);
  countBadInput('a stale shard manifest of another split in a shard folder');
  countFault('a shard built into the folder of a shard of another split');
});

// --- Item 18: shards built with --format -------------------------------------------------------

test('shards built with --format assemble as a one-machine build with those formats, byte for byte; other formats are refused', async () => {
  const formats = ['--format', 'brief', '--format', 'one-pager'];
  for (const k of [1, 2]) assert.is((await brief('build', '--shard', `${k}/2`, '--out', `f-${k}`, ...formats)).code, 0);
  const assembled = await brief('assemble', 'f-1', 'f-2', '--out', 'assembled-formats', '--zip', ...formats);
  assert.is(assembled.code, 0, assembled.stderr);
  const whole = await brief('build', '--out', 'whole-formats', '--zip', ...formats);
  assert.is(whole.code, 0, whole.stderr);
  const files = (await listFiles(at('whole-formats'))).filter((f) => f !== '.brief-fingerprints.json');
  assert.ok(files.includes('briefing-pack.pdf') && files.includes('audiences/board/briefing-pack.pdf'));
  assert.equal((await listFiles(at('assembled-formats'))).filter((f) => f !== '.brief-fingerprints.json'), files);
  for (const file of files) assert.is(await sha256(at('assembled-formats', file)), await sha256(at('whole-formats', file)), file);

  assert.is(
    await refused(2, 'assembled-no-format', 'assemble', 'f-1', 'f-2'),
    'error: the shards were built with --format brief --format one-pager, and this assembly asks for all formats: give brief assemble the --format the shards were built with',
  );
  assert.is(
    await refused(2, 'assembled-brief', 'assemble', 'f-1', 'f-2', '--format', 'brief'),
    'error: the shards were built with --format brief --format one-pager, and this assembly asks for --format brief: give brief assemble the --format the shards were built with',
  );
  assert.is(await refused(2, 'assembled-mixed', 'assemble', 'f-1', 's-2', ...formats), 'error: s-2/shard-2-of-2.json was built with all formats, f-1/shard-1-of-2.json with --format brief --format one-pager: build every shard with the same --format');
  countBadInput('assemble without the --format the shards were built with');
  countBadInput('assemble with another --format than the shards');
  countBadInput('shards built with different --format');
});

test.run();
