// The proof in real builds (issue 18): the bundled data, the three examples and a small dataset
// on another subject pass it whole (nothing clipped, shrunk, stranded or carried alone, no short
// last page, no sheet a third empty), and a small pack numbers every page; a 200-character URL in a glance-table cell breaks in its
// cell and leaves the brief's body type at its size; --strict fails a build on a fault.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withPdfJs } from '../helpers/read-pdf.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'brief-proof-'));
const DATASET = path.join(ROOT, 'test/fixtures/proof/rural-doctors/data');
const LONG_URL = path.join(ROOT, 'test/fixtures/proof/rural-doctors-long-url/data');
/** The kinds the layout now prevents on every dataset built here. */
const FIXED = ['clipped-text', 'scaled-down', 'stranded-heading', 'broken-title', 'lone-row'];

interface Finding {
  path: string;
  page: number;
  kind: string;
  detail: string;
}
interface Summary {
  proof: { checked: number; passed: number; findings: Finding[] };
}

/** Builds `data` into a folder of its own with --json; the summary and the folder. */
function build(name: string, data: string, extra: string[] = []): { summary: Summary; out: string; stdout: string; stderr: string; code: number | null } {
  const out = path.join(work, name);
  const run = runCli(['build', '--data', data, '--out', out, '--force', '--format', 'brief', '--format', 'one-pager', '--json', ...extra], { timeout: 300_000 });
  const summary = run.code === 0 ? (JSON.parse(run.stdout) as Summary) : { proof: { checked: 0, passed: 0, findings: [] } };
  return { summary, out, ...run };
}

const ofKinds = (findings: Finding[], kinds: string[]) => findings.filter((f) => kinds.includes(f.kind)).map((f) => `${f.path} p. ${f.page}: ${f.kind} (${f.detail})`);

test.after(() => rmSync(work, { recursive: true, force: true }));

for (const [name, data, documents] of [
  ['the bundled data', path.join(ROOT, 'data'), 32],
  ['the Northvale example', path.join(ROOT, 'examples/northvale/data'), 6],
  ['the Korean example', path.join(ROOT, 'examples/korean-fellowships/data'), 8],
  ['the Japanese example', path.join(ROOT, 'examples/island-teachers/data'), 6],
  ['a dataset on rural doctors', DATASET, 4],
] as const) {
  test(`${name}: every PDF is proofed and passes: no clipped text, shrunk page, stranded heading, broken title, lone line, row or item, short last page or empty sheet`, () => {
    const { summary, code, stderr } = build(name.replace(/\W+/g, '-'), data);
    assert.is(code, 0, stderr);
    assert.is(summary.proof.checked, documents);
    assert.equal(ofKinds(summary.proof.findings, FIXED), []);
    // A fault a re-set mends (a page break, an empty sheet) is mended too (issue 18).
    assert.equal(summary.proof.findings.map((f) => `${f.path} p. ${f.page}: ${f.kind} (${f.detail})`), []);
    assert.is(summary.proof.passed, documents);
  });
}

test('a pack of few pages still numbers every page: the cover carries the characters its numbers need', () => {
  const out = path.join(work, 'small-pack');
  const run = runCli(['build', '--data', DATASET, '--out', out, '--force'], { timeout: 300_000 });
  assert.is(run.code, 0, run.stderr);
  const pack = path.join(out, 'briefing-pack.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pack], { encoding: 'utf8' }))![1]);
  assert.is(pages, 8);
  for (let page = 1; page <= pages; page++) {
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pack, '-'], { encoding: 'utf8' });
    assert.match(text, `Pack page ${page}\n`, `page ${page}`);
  }
});

/** Each text size in the PDF's pages (to a quarter point) and how many characters are set in it, read by pdf.js. */
async function textSizes(file: string): Promise<Map<number, number>> {
  return withPdfJs(file, async (doc) => {
    const sizes = new Map<number, number>();
    for (let p = 1; p <= doc.numPages; p++) {
      for (const item of (await (await doc.getPage(p)).getTextContent()).items) {
        if (!('str' in item)) continue;
        const [, , c, d] = item.transform as number[];
        const size = Math.round(Math.hypot(c!, d!) * 4) / 4;
        sizes.set(size, (sizes.get(size) ?? 0) + item.str.length);
      }
    }
    return sizes;
  });
}

/** The size most of the text is set in: the body's. */
const bodySize = async (file: string) => [...(await textSizes(file))].sort((a, b) => b[1] - a[1])[0]![0];

test('a 200-character URL in a glance-table cell: no clipped text, and the brief keeps its body size and pages', async () => {
  const plain = build('url-plain', DATASET);
  const long = build('url-long', LONG_URL);
  assert.is(long.code, 0, long.stderr);
  assert.equal(ofKinds(long.summary.proof.findings, ['clipped-text', 'scaled-down']), []);
  const brief = 'programmes/rural-doctors-bursary/rural-doctors-bursary-brief.pdf';
  assert.is(await bodySize(path.join(plain.out, brief)), 10);
  assert.is(await bodySize(path.join(long.out, brief)), 10);
  // The one-pager's key figures column stays on the page: its figures are read back from it.
  const onePager = execFileSync('pdftotext', ['-layout', path.join(long.out, 'programmes/rural-doctors-bursary/rural-doctors-bursary-one-pager.pdf'), '-'], { encoding: 'utf8' });
  assert.match(onePager, 'up to €60,000');
  assert.match(onePager, '42 people');
});

test('--strict fails the build on a fault the proof finds, one line a document, and writes no file for it', () => {
  // A stylesheet of the user's own that gives the organisations list its old indent: the page's clip cuts its bullets.
  const templates = path.join(work, 'narrow-templates');
  mkdirSync(path.join(templates, 'styles'), { recursive: true });
  writeFileSync(path.join(templates, 'styles', '90-narrow-lists.css'), 'body.layout-brief .entities { padding-left: 1em; }\n');
  const out = path.join(work, 'strict');
  const run = runCli(['build', '--data', DATASET, '--templates', templates, '--out', out, '--force', '--format', 'brief', '--strict'], { timeout: 300_000 });
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error: 2 documents failed:\n/m);
  assert.match(run.stderr, /^programmes\/rural-doctors-bursary\/rural-doctors-bursary-brief\.pdf p\. 2: text clipped or outside the page \(a list bullet cut at x 52-55 pt\)(; and \d+ more findings?)? \(--strict\)$/m);
  assert.match(run.stderr, /^topics\/village-practices\/village-practices-brief\.pdf p\. 2: text clipped or outside the page \(a list bullet cut at x 52-55 pt\)(; and \d+ more findings?)? \(--strict\)$/m);
  assert.not.ok(existsSync(path.join(out, 'programmes/rural-doctors-bursary/rural-doctors-bursary-brief.pdf')));
  // Without --strict the same build succeeds and says what it found.
  const lenient = runCli(['build', '--data', DATASET, '--templates', templates, '--out', path.join(work, 'lenient'), '--force', '--format', 'brief'], { timeout: 300_000 });
  assert.is(lenient.code, 0, lenient.stderr);
  assert.match(lenient.stderr, /^warning: programmes\/rural-doctors-bursary\/rural-doctors-bursary-brief\.pdf p\. 2: text clipped or outside the page \(a list bullet cut at x 52-55 pt\)$/m);
  assert.match(lenient.stdout, /^2 built in .* \(\d+\.\d s\); 0 of 2 documents passed the proof$/m);
});

test.run();
