// `npm run bench` (issue 4 item 9): the tool against a bare Puppeteer floor and a launch-per-document
// loop, a no-op rebuild, and a generated 1,000-programme dataset; a table, then one JSON line.
// `npm run bench -- --quick` skips the scale step.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadHtmlStage, readTemplates } from '../src/batch/html-stage.js';
import { planDocuments } from '../src/documents/plan.js';
import { loadFacts } from '../src/facts/load.js';
import { BUNDLED_TEMPLATES, TOOL } from '../src/package.js';
import { findBrowser } from '../src/browser/find-browser.js';
import { documentDate } from '../src/documents/document-date.js';
import { isPrinted } from '../src/contracts/layouts.js';
import { composeHtml } from '../src/render/skeleton.js';
import { generateDataset } from './generate-dataset.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const concurrency = availableParallelism();
const browser = findBrowser();
const work = await mkdtemp(path.join(tmpdir(), 'brief-bench-'));

/**
 * The environment the measured commands run in. NODE_EXTRA_CA_CERTS makes every Node process read
 * and parse a certificate bundle as it starts, before any of its own code (~70 ms on a machine that
 * sets it for its package mirror); none of the measured commands opens a TLS connection, and the
 * tax would fall on each of them once, the no-op most of all. Left out here, measured on its own
 * below (`startup tax`), and the no-op is also timed with the environment as inherited.
 */
const INHERITED_ENV = { ...process.env, NO_COLOR: '1' };
const MEASURED_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(INHERITED_ENV).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

/** Runs a command to its end; wall time and the peak RSS of its whole process tree. */
async function timed(command: string, args: string[], env: NodeJS.ProcessEnv = MEASURED_ENV): Promise<{ seconds: number; peakMiB: number; stdout: string }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(child.pid!));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024 / 1024, stdout };
}

/** Sum of resident memory of a process and all its descendants, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

const brief = (args: string[], env?: NodeJS.ProcessEnv) => timed(process.execPath, [path.join(ROOT, 'bin/brief.js'), ...args], env);
const browserArgs = ['--browser', browser.path, '--concurrency', String(concurrency)];

// The real CLI runs from dist/: compile it first so the benchmark measures this source.
const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);

// floor and naive print the very HTML the tool prints: each PDF document in its print skeleton.
const facts = await loadFacts(path.join(ROOT, 'data'));
const html = await loadHtmlStage(await readTemplates(BUNDLED_TEMPLATES));
const skeleton = html.skeleton('a4');
const options = { paper: 'a4' as const, creator: TOOL.creator, date: documentDate(facts.meta.asOf) };
const htmlDir = path.join(work, 'html');
await mkdir(htmlDir, { recursive: true });
const htmlFiles: string[] = [];
for (const spec of planDocuments(facts).filter((s) => isPrinted(s.format))) {
  const file = path.join(htmlDir, `${spec.key.replaceAll('/', '--')}.html`);
  await writeFile(file, composeHtml(skeleton.html, html.renderDocument(facts, spec, options)));
  htmlFiles.push(file);
}
const listFile = path.join(work, 'list.txt');
await writeFile(listFile, htmlFiles.join('\n'));
const baseline = async (mode: 'floor' | 'naive', run: number, lanes = concurrency) => {
  const out = path.join(work, `${mode}-${lanes}-${run}`);
  await mkdir(out, { recursive: true });
  return timed(process.execPath, [path.join(ROOT, 'bench/floor.mjs'), mode, listFile, browser.path, String(browser.headless), String(lanes), out]);
};

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
};
let bundledPeakMiB = 0;
let toolDocs = 0;
for (let run = 1; run <= RUNS; run++) {
  // tool: a full forced build of the bundled data, everything included (HTML files, pack, manifest).
  const toolOut = path.join(work, `tool-${run}`);
  const tool = await brief(['build', '--data', 'data', '--out', toolOut, '--force', '--json', ...browserArgs]);
  toolDocs = (JSON.parse(tool.stdout) as { documents: unknown[] }).documents.length;
  runs.tool.push(tool.seconds);
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
  runs.floor.push((await baseline('floor', run)).seconds);
  // naive: a per-file tool run once per document, one after another, as a loop over files runs it
  // (how the "about 9 times the floor" was measured: ~270 ms a document). Also shown: the
  // same with as many browsers at once as the tool has pages, a stricter baseline than any loop.
  runs.naive.push((await baseline('naive', run, 1)).seconds);
  runs.naiveInParallel.push((await baseline('naive', run)).seconds);
  // The bundled data in the scale step's formats, so time per document compares like with like.
  const bundledPdf = await brief(['build', '--data', 'data', '--out', path.join(work, `bundled-pdf-${run}`), '--force', '--quiet', '--format', 'brief', '--format', 'one-pager', ...browserArgs]);
  runs.bundledPdf.push(bundledPdf.seconds);
  bundledPeakMiB = Math.max(bundledPeakMiB, bundledPdf.peakMiB);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const tool = { seconds: median(runs.tool) };
const noop = { seconds: median(runs.noop) };
// Without the extra certificates to leave out, the inherited environment is the measured one.
const noopInherited = { seconds: runs.noopInherited.length ? median(runs.noopInherited) : median(runs.noop) };
const floor = { seconds: median(runs.floor) };
const naive = { seconds: median(runs.naive) };
const naiveInParallel = { seconds: median(runs.naiveInParallel) };
const bundledPdf = { seconds: median(runs.bundledPdf), peakMiB: bundledPeakMiB };
const bundledPerDoc = bundledPdf.seconds / htmlFiles.length;

let scale: { docs: number; seconds: number; perDoc: number; peakMiB: number } | undefined;
if (!quick) {
  const data = path.join(work, 'scale-data');
  await generateDataset(data, 1000);
  const run = await brief(['build', '--data', data, '--out', path.join(work, 'scale-out'), '--force', '--quiet', '--format', 'brief', '--format', 'one-pager', ...browserArgs]);
  const manifest = JSON.parse(await readFile(path.join(work, 'scale-out/manifest.json'), 'utf8')) as { files: unknown[] };
  scale = { docs: manifest.files.length, seconds: run.seconds, perDoc: run.seconds / manifest.files.length, peakMiB: run.peakMiB };
}

const r = (n: number, digits = 3) => Number(n.toFixed(digits));
const rows: [string, string, string][] = [
  ['tool: brief build --force (bundled)', `${tool.seconds.toFixed(2)} s`, `${toolDocs} files + pack, ${(tool.seconds / toolDocs * 1000).toFixed(0)} ms/file`],
  ['floor: bare Puppeteer, same HTML', `${floor.seconds.toFixed(2)} s`, `${htmlFiles.length} PDFs, ${(floor.seconds / htmlFiles.length * 1000).toFixed(0)} ms/doc`],
  ['naive: a browser per document', `${naive.seconds.toFixed(2)} s`, `${htmlFiles.length} PDFs, one at a time (a loop over files)`],
  [`naive, ${concurrency} browsers at once`, `${naiveInParallel.seconds.toFixed(2)} s`, `${htmlFiles.length} PDFs, ${(naiveInParallel.seconds / tool.seconds).toFixed(2)}x the tool`],
  ['no-op: brief build, nothing changed', `${noop.seconds.toFixed(2)} s`, 'no browser'],
  ['no-op, environment as inherited', `${noopInherited.seconds.toFixed(2)} s`, runs.startupTax.length ? `NODE_EXTRA_CA_CERTS: +${(median(runs.startupTax) * 1000).toFixed(0)} ms to start Node` : 'the same environment'],
  ['bundled, brief + one-pager only', `${bundledPdf.seconds.toFixed(2)} s`, `${(bundledPerDoc * 1000).toFixed(0)} ms/doc, peak ${bundledPdf.peakMiB.toFixed(0)} MiB`],
];
if (scale) rows.push(['scale: 1,000 programmes', `${scale.seconds.toFixed(2)} s`, `${scale.docs} docs, ${(scale.perDoc * 1000).toFixed(0)} ms/doc, peak ${scale.peakMiB.toFixed(0)} MiB`]);
console.log(`browser: ${browser.path} (headless: ${browser.headless}), concurrency ${concurrency}; medians of ${RUNS} interleaved runs`);
if (process.env.NODE_EXTRA_CA_CERTS) console.log('measured without NODE_EXTRA_CA_CERTS (no measured command uses TLS); the no-op is also shown with it');
for (const [what, time, note] of rows) console.log(`${what.padEnd(40)} ${time.padStart(9)}  ${note}`);
console.log(
  JSON.stringify({
    tool_s: r(tool.seconds),
    floor_s: r(floor.seconds),
    naive_s: r(naive.seconds),
    noop_s: r(noop.seconds),
    tool_vs_floor: r(tool.seconds / floor.seconds),
    naive_vs_tool: r(naive.seconds / tool.seconds),
    naive_in_parallel_s: r(naiveInParallel.seconds),
    naive_in_parallel_vs_tool: r(naiveInParallel.seconds / tool.seconds),
    noop_vs_tool: r(noop.seconds / tool.seconds),
    noop_inherited_env_s: r(noopInherited.seconds),
    scale_docs: scale?.docs ?? null,
    scale_per_doc_vs_bundled: scale ? r(scale.perDoc / bundledPerDoc) : null,
    scale_peak_rss_mib: scale ? r(scale.peakMiB, 1) : null,
    tool_docs: toolDocs,
    runs_s: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((x) => r(x))])),
    floor_docs: htmlFiles.length,
  }),
);
await rm(work, { recursive: true, force: true });
