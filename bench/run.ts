// `npm run bench` (issue 4 item 9, issue 21): the tool against the print-only limit (Chromium's
// page.pdf() alone on preloaded pages), a bare Puppeteer floor and a launch-per-document loop, a
// no-op rebuild, and a generated dataset at scale; a table, then one JSON line.
//   --quick        skips the scale step (unless --scale is given)
//   --scale N      the scale step on about N brief + one-pager documents (N/2 programmes);
//                  default 2,000 documents (1,000 programmes)
//   --scale-runs K interleaved runs of the scale step (default 1: it is long)
//   --peer         also md-to-pdf 5 on the same Chromium, per PDF page (installed from the registry)
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findBrowser } from '../src/browser/find-browser.js';
import { writePrintedHtml } from './html-files.js';
import { brief, INHERITED_ENV, median, MEASURED_ENV, printLimit, ROOT, timed } from './measure.js';
import { preparePeer } from './peer.js';
import { printReport } from './report.js';
import { measureScale, type ScaleResult } from './scale.js';

const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean' }, scale: { type: 'string' }, 'scale-runs': { type: 'string' }, peer: { type: 'boolean' } },
});
const wholeNumber = (flag: string, text: string) => {
  if (!/^[1-9]\d*$/.test(text)) throw new Error(`--${flag} takes a whole number of 1 or more, not "${text}"`);
  return Number(text);
};
const scaleDocs = flags.scale !== undefined ? wholeNumber('scale', flags.scale) : flags.quick ? undefined : 2000;
const scaleRuns = wholeNumber('scale-runs', flags['scale-runs'] ?? '1');
const concurrency = availableParallelism();
const browser = findBrowser();
const work = await mkdtemp(path.join(tmpdir(), 'brief-bench-'));

// The real CLI runs from dist/, from its bundles: build it all first (`npm run build`: tsc, the
// validator, the labels and the bundles) so the benchmark measures this source. tsc alone had left
// the bundles bin/brief.js runs as they were.
const npm = process.env.npm_execpath;
const build = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: ROOT, encoding: 'utf8' }) : spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);

const browserArgs = ['--browser', browser.path, '--concurrency', String(concurrency)];
// floor, naive and the print-only limit print the very HTML the tool prints.
const lists = await writePrintedHtml(path.join(ROOT, 'data'), work);
const baseline = async (mode: 'floor' | 'naive', run: number, lanes = concurrency) => {
  const out = path.join(work, `${mode}-${lanes}-${run}`);
  await mkdir(out, { recursive: true });
  return timed(process.execPath, [path.join(ROOT, 'bench/floor.mjs'), mode, lists.printed.listFile, browser.path, String(browser.headless), String(lanes), out]);
};
const peer = flags.peer ? await preparePeer(work, browser) : undefined;
const pdfPages = async (out: string) =>
  (JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { files: { pages: number }[] }).files.reduce((sum, file) => sum + file.pages, 0);

// Each measurement RUNS times, interleaved so that a passing load falls on all of them alike;
// the median is reported (times on a shared machine are noisy: the ratios are what count).
const RUNS = 3;
const runs = {
  tool: [] as number[],
  noop: [] as number[],
  noopInherited: [] as number[],
  floor: [] as number[],
  naive: [] as number[],
  naiveInParallel: [] as number[],
  bundledPdf: [] as number[],
  startupTax: [] as number[],
  printLimit: [] as number[],
  toolBriefs: [] as number[],
  mdToPdf: [] as number[],
  // Where the time of the two goes: CPU seconds of Node and of the browser, and the limit's whole run.
  toolCpuNode: [] as number[],
  toolCpuBrowser: [] as number[],
  toolBriefsCpuNode: [] as number[],
  toolBriefsCpuBrowser: [] as number[],
  printLimitWhole: [] as number[],
  printLimitCpuNode: [] as number[],
  printLimitCpuBrowser: [] as number[],
};
let bundledPeakMiB = 0;
let toolDocs = 0;
let toolPdfPages = 0;
let limitPages = 0;
let limitFrameless = false;
let toolBriefPages = 0;
let mdToPdfPages = 0;
// md-to-pdf's runs that failed (seen under load: a navigation that never settles); the others count.
const peerFailures: string[] = [];
for (let run = 1; run <= RUNS; run++) {
  // tool: a full forced build of the bundled data, everything included (HTML files, pack, manifest).
  const toolOut = path.join(work, `tool-${run}`);
  const tool = await brief(['build', '--data', 'data', '--out', toolOut, '--force', '--json', ...browserArgs]);
  toolDocs = (JSON.parse(tool.stdout) as { documents: unknown[] }).documents.length;
  runs.tool.push(tool.seconds);
  runs.toolCpuNode.push(tool.cpu.own);
  runs.toolCpuBrowser.push(tool.cpu.descendants);
  // no-op: the same build again, nothing changed.
  const noopArgs = ['build', '--data', 'data', '--out', toolOut, '--json', ...browserArgs];
  const noop = await brief(noopArgs);
  if (!(JSON.parse(noop.stdout) as { noop: boolean }).noop) throw new Error('the second build was not a no-op');
  runs.noop.push(noop.seconds);
  if (process.env.NODE_EXTRA_CA_CERTS) {
    // The same no-op with the environment as inherited, extra certificates included.
    runs.noopInherited.push((await brief(noopArgs, INHERITED_ENV)).seconds);
    // What the certificates alone cost a Node process that does nothing.
    const bare = (env: NodeJS.ProcessEnv) => timed(process.execPath, ['-e', '0'], env);
    runs.startupTax.push((await bare(INHERITED_ENV)).seconds - (await bare(MEASURED_ENV)).seconds);
  }
  // The print-only limit of the briefs, then the tool printing the same briefs.
  const limit = await printLimit(lists.briefs.listFile, browser, concurrency, path.join(work, 'limit-profile'));
  runs.printLimit.push(limit.limit.seconds);
  runs.printLimitWhole.push(limit.seconds);
  runs.printLimitCpuNode.push(limit.cpu.own);
  runs.printLimitCpuBrowser.push(limit.cpu.descendants);
  limitPages = limit.limit.pages;
  limitFrameless = limit.limit.frameless;
  const briefsOut = path.join(work, `briefs-${run}`);
  const toolBriefs = await brief(['build', '--data', 'data', '--out', briefsOut, '--force', '--quiet', '--format', 'brief', ...browserArgs]);
  runs.toolBriefs.push(toolBriefs.seconds);
  runs.toolBriefsCpuNode.push(toolBriefs.cpu.own);
  runs.toolBriefsCpuBrowser.push(toolBriefs.cpu.descendants);
  toolBriefPages = await pdfPages(briefsOut);
  runs.floor.push((await baseline('floor', run)).seconds);
  // naive: a per-file tool run once per document, one after another, as a loop over files runs it
  // (how the "about 9 times the floor" was measured: ~270 ms a document). Also shown: the
  // same with as many browsers at once as the tool has pages, a stricter baseline than any loop.
  runs.naive.push((await baseline('naive', run, 1)).seconds);
  runs.naiveInParallel.push((await baseline('naive', run)).seconds);
  // The bundled data in the scale step's formats, so time per document compares like with like;
  // also the tool's side of the md-to-pdf comparison (its PDF pages from the manifest).
  const bundledOut = path.join(work, `bundled-pdf-${run}`);
  const bundledPdf = await brief(['build', '--data', 'data', '--out', bundledOut, '--force', '--quiet', '--format', 'brief', '--format', 'one-pager', ...browserArgs]);
  runs.bundledPdf.push(bundledPdf.seconds);
  bundledPeakMiB = Math.max(bundledPeakMiB, bundledPdf.peakMiB);
  toolPdfPages = await pdfPages(bundledOut);
  if (peer && 'run' in peer) {
    const md = await peer.run();
    if ('error' in md) peerFailures.push(md.error);
    else {
      runs.mdToPdf.push(md.seconds);
      mdToPdfPages = md.pages;
    }
  }
}

let scale: ScaleResult | undefined;
if (scaleDocs !== undefined) scale = await measureScale(work, scaleDocs, scaleRuns, browser, browserArgs, concurrency);

printReport({
  browser,
  concurrency,
  runCount: RUNS,
  runs,
  counts: { toolDocs, printed: lists.printed.count, briefs: lists.briefs.count, limitPages, toolBriefPages, toolPdfPages, mdToPdfPages },
  bundledPeakMiB,
  limitFrameless,
  scale,
  peer: peer && ('error' in peer ? { error: peer.error } : { failures: peerFailures }),
  median,
});
await rm(work, { recursive: true, force: true });
