// Audiences (issue 14): each gets audiences/<id>/briefing-pack.pdf holding only its documents, its
// marking on every page; a document whose audience's marking differs from the run's is printed
// again with it, under audiences/<id>/; one at the run's marking is shared, printed once.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readManifest } from '../../src/batch/manifest.js';
import { pageCount, pdfReadingText, readBookmarks } from '../helpers/pdf.js';
import { finished, listFiles, makeWorkspace, spawnBrief } from './helpers/build-fixture.js';
import { withoutProof } from '../helpers/proof-lines.js';

const AUDIENCES = [
  'audiences:',
  '  - id: board',
  '    title: Board of Trustees',
  '    distribution: CONFIDENTIAL — board only',
  '    programmes: [alpha]',
  '    topics: []',
  '    formats: [brief]',
  '  - id: public',
  '    title: The public',
  '    programmes: [beta]',
  '    topics: [recruitment]',
  '  - id: staff',
  '    title: Research staff',
  '    distribution: INTERNAL — staff',
  '    formats: [one-pager, html]',
  '',
].join('\n');

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
test.before.each(async () => {
  ws = await makeWorkspace();
  await writeFile(path.join(ws.dir, 'brief.config.yaml'), AUDIENCES);
});
test.after.each(async () => ws.remove());

const brief = (...args: string[]) => finished(spawnBrief(args, ws.dir));
const out = (file: string) => path.join(ws.out, file);
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/** Each page's text in reading order, as pdftotext reads it. */
function pagesOf(file: string): string[] {
  return Array.from({ length: pageCount(file) }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim(),
  );
}

const zipNames = (file: string) => execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');

test('each audience pack holds only its documents, its title on the cover and its marking on every page', async () => {
  const run = await brief('build', '--zip');
  assert.is(run.code, 0, run.stderr);
  assert.is(withoutProof(run.stderr), '');
  assert.match(run.stdout, /^16 built, pack 9 pages, zip briefing-pack\.zip, 3 audience packs in output \(\d+\.\d s\); \d+ of \d+ documents passed the proof$/m);
  assert.equal(await listFiles(ws.out), [
    '.brief-fingerprints.json',
    'audiences/board/briefing-pack.pdf',
    'audiences/board/briefing-pack.zip',
    'audiences/board/programmes/alpha/alpha-brief.pdf',
    'audiences/public/briefing-pack.pdf',
    'audiences/public/briefing-pack.zip',
    'audiences/staff/briefing-pack.pdf',
    'audiences/staff/briefing-pack.zip',
    'audiences/staff/programmes/alpha/alpha-one-pager.pdf',
    'audiences/staff/programmes/alpha/alpha.html',
    'audiences/staff/programmes/beta/beta-one-pager.pdf',
    'audiences/staff/programmes/beta/beta.html',
    'audiences/staff/topics/recruitment/recruitment-one-pager.pdf',
    'audiences/staff/topics/recruitment/recruitment.html',
    'briefing-pack.pdf',
    'briefing-pack.zip',
    'manifest.json',
    'programmes/alpha/alpha-brief.pdf',
    'programmes/alpha/alpha-one-pager.pdf',
    'programmes/alpha/alpha.html',
    'programmes/beta/beta-brief.pdf',
    'programmes/beta/beta-one-pager.pdf',
    'programmes/beta/beta.html',
    'topics/recruitment/recruitment-brief.pdf',
    'topics/recruitment/recruitment-one-pager.pdf',
    'topics/recruitment/recruitment.html',
  ]);

  const board = pagesOf(out('audiences/board/briefing-pack.pdf'));
  assert.is(board.length, 4);
  assert.match(board[0]!, 'CONFIDENTIAL — BOARD ONLY B R I E F I N G PAC K Build fixture briefings For Board of Trustees As of 24 August 2023 · Edition 1 Fixture desk 1 document');
  // Every page of a pack shows the pack's own number at its foot (issue 18).
  assert.is(board[1], 'CONFIDENTIAL — BOARD ONLY Contents PROGRAMMES Alpha scheme (阿尔法): brief 3 Pack page 2');
  assert.match(board[2]!, /^Alpha scheme: brief CONFIDENTIAL — BOARD ONLY BUILD FIXTURE BRIEFINGS · PROGRAMME BRIEF CONFIDENTIAL — BOARD ONLY Alpha scheme/);
  assert.match(board[3]!, /^Alpha scheme: brief CONFIDENTIAL — BOARD ONLY /);
  for (const page of board) assert.not.match(page, 'PUBLIC — FIXTURE');
  assert.equal((await readBookmarks(out('audiences/board/briefing-pack.pdf'))).map((b) => b.title), ['Contents', 'Alpha scheme (阿尔法): brief']);

  const staff = pagesOf(out('audiences/staff/briefing-pack.pdf'));
  assert.is(staff.length, 5);
  assert.match(staff[0]!, 'INTERNAL — STAFF B R I E F I N G PAC K Build fixture briefings For Research staff');
  assert.is(staff[1], 'INTERNAL — STAFF Contents PROGRAMMES Alpha scheme (阿尔法): fact sheet 3 Beta scheme: fact sheet 4 TOPICS Recruiting engineers: fact sheet 5 Pack page 2');
  assert.match(staff[2]!, /^Alpha scheme: fact sheet INTERNAL — STAFF /);
  assert.match(staff[3]!, /^Beta scheme: fact sheet INTERNAL — STAFF /);
  assert.match(staff[4]!, /^Recruiting engineers: fact sheet INTERNAL — STAFF /);
  for (const page of staff) assert.not.match(page, 'PUBLIC — FIXTURE');

  // The public's marking is the data's: its documents are the shared ones, not printed again.
  const pub = pagesOf(out('audiences/public/briefing-pack.pdf'));
  assert.is(pub.length, 6);
  assert.match(pub[0]!, 'PUBLIC — FIXTURE B R I E F I N G PAC K Build fixture briefings For The public');
  assert.is(pub[1], 'PUBLIC — FIXTURE Contents PROGRAMMES Beta scheme: brief 3 Beta scheme: fact sheet 4 TOPICS Recruiting engineers: brief 5 Recruiting engineers: fact sheet 6 Pack page 2');
  for (const page of pub.slice(2)) assert.match(page, / PUBLIC — FIXTURE BUILD FIXTURE BRIEFINGS|^(Beta scheme|Recruiting engineers): (brief|fact sheet) PUBLIC — FIXTURE /);
  for (const page of pub) assert.not.match(page, 'Alpha scheme: ');

  // The whole plan's pack and documents keep the data's marking; the board's copy has its own.
  const everyone = pagesOf(out('briefing-pack.pdf'));
  assert.is(everyone.length, 9);
  for (const page of everyone) assert.match(page, 'PUBLIC — FIXTURE');
  assert.match(pdfReadingText(out('programmes/alpha/alpha-brief.pdf')), /^Alpha scheme: brief PUBLIC — FIXTURE /);
  assert.not.match(pdfReadingText(out('audiences/board/programmes/alpha/alpha-brief.pdf')), 'PUBLIC');

  assert.equal(zipNames(out('audiences/board/briefing-pack.zip')), ['programmes/alpha/alpha-brief.pdf', 'briefing-pack.pdf']);
  assert.equal(zipNames(out('audiences/staff/briefing-pack.zip')), [
    'programmes/alpha/alpha-one-pager.pdf',
    'programmes/alpha/alpha.html',
    'programmes/beta/beta-one-pager.pdf',
    'programmes/beta/beta.html',
    'topics/recruitment/recruitment-one-pager.pdf',
    'topics/recruitment/recruitment.html',
    'briefing-pack.pdf',
  ]);

  // The whole plan's zip holds only what is marked as the data is (issue 20): no audience's copy or pack.
  assert.equal(zipNames(out('briefing-pack.zip')), [
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
  const zipped = execFileSync('unzip', ['-p', out('briefing-pack.zip'), 'manifest.json'], { encoding: 'utf8' });
  for (const word of ['CONFIDENTIAL', 'INTERNAL', 'Board of Trustees', 'Research staff', 'The public', 'audiences/']) assert.not.match(zipped, word);
  assert.is(JSON.parse(zipped).files.length, 9);

  const manifest = (await readManifest(ws.out))!;
  assert.equal(
    manifest.audiences?.map((a) => [a.id, a.title, a.distribution, a.documents, a.pack?.path, a.pack?.pages, a.zip?.path]),
    [
      ['board', 'Board of Trustees', 'CONFIDENTIAL — board only', ['audiences/board/programmes/alpha/brief'], 'audiences/board/briefing-pack.pdf', 4, 'audiences/board/briefing-pack.zip'],
      [
        'public',
        'The public',
        'PUBLIC — fixture',
        ['programmes/beta/brief', 'programmes/beta/one-pager', 'programmes/beta/html', 'topics/recruitment/brief', 'topics/recruitment/one-pager', 'topics/recruitment/html'],
        'audiences/public/briefing-pack.pdf',
        6,
        'audiences/public/briefing-pack.zip',
      ],
      [
        'staff',
        'Research staff',
        'INTERNAL — staff',
        [
          'audiences/staff/programmes/alpha/one-pager',
          'audiences/staff/programmes/alpha/html',
          'audiences/staff/programmes/beta/one-pager',
          'audiences/staff/programmes/beta/html',
          'audiences/staff/topics/recruitment/one-pager',
          'audiences/staff/topics/recruitment/html',
        ],
        'audiences/staff/briefing-pack.pdf',
        5,
        'audiences/staff/briefing-pack.zip',
      ],
    ],
  );
  for (const a of manifest.audiences ?? []) {
    assert.is(await sha256(out(a.pack!.path)), a.pack!.sha256);
    assert.is(await sha256(out(a.zip!.path)), a.zip!.sha256);
  }
  assert.is(manifest.files.length, 16);
});

test('with nothing changed a build is a no-op; a new marking for one audience prints only its copies and its pack again', async () => {
  const first = await brief('build');
  assert.is(first.code, 0, first.stderr);
  const again = await brief('build');
  assert.match(again.stdout, /^nothing changed: 16 documents up to date in output \(\d+\.\d s\)$/m);
  const before = { board: await sha256(out('audiences/board/briefing-pack.pdf')), everyone: await sha256(out('briefing-pack.pdf')) };

  await writeFile(path.join(ws.dir, 'brief.config.yaml'), AUDIENCES.replace('INTERNAL — staff', 'INTERNAL — staff only'));
  const changed = await brief('build');
  assert.is(changed.code, 0, changed.stderr);
  const built = changed.stdout.split('\n').filter((line) => line.startsWith('built ')).map((line) => line.split('  ')[0]).sort();
  assert.equal(built, [
    'built audiences/staff/programmes/alpha/alpha-one-pager.pdf',
    'built audiences/staff/programmes/alpha/alpha.html',
    'built audiences/staff/programmes/beta/beta-one-pager.pdf',
    'built audiences/staff/programmes/beta/beta.html',
    'built audiences/staff/topics/recruitment/recruitment-one-pager.pdf',
    'built audiences/staff/topics/recruitment/recruitment.html',
  ]);
  assert.match(changed.stdout, /^6 built, 10 unchanged, pack 9 pages \(unchanged\), 3 audience packs in output/m);
  assert.is(await sha256(out('audiences/board/briefing-pack.pdf')), before.board);
  assert.is(await sha256(out('briefing-pack.pdf')), before.everyone);
  for (const page of pagesOf(out('audiences/staff/briefing-pack.pdf'))) assert.match(page, 'INTERNAL — STAFF ONLY');
});

test('--audience board builds only the board\'s documents and pack; the other packs wait for theirs, and say so', async () => {
  const run = await brief('build', '--audience', 'board');
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, /^built audiences\/board\/programmes\/alpha\/alpha-brief\.pdf {2}2 pages {2}\d+ ms$/m);
  assert.is(
    run.stderr,
    [
      'warning: briefing-pack.pdf not made: 6 documents of the plan are not built; run brief build',
      'warning: audiences/public/briefing-pack.pdf not made: 4 documents of the plan are not built; run brief build',
      'warning: audiences/staff/briefing-pack.pdf not made: 3 documents of the plan are not built; run brief build',
      '',
    ].join('\n'),
  );
  assert.equal(await listFiles(ws.out), ['.brief-fingerprints.json', 'audiences/board/briefing-pack.pdf', 'audiences/board/programmes/alpha/alpha-brief.pdf', 'manifest.json']);
  assert.equal(pagesOf(out('audiences/board/briefing-pack.pdf')).length, 4);
  const manifest = (await readManifest(ws.out))!;
  assert.equal(manifest.options.forAudiences, ['board']);
  assert.is(manifest.missing?.length, 15);
});

test.run();
