// Shared by the robustness suite (issue 5): the real CLI as a child process, output snapshots that
// count files lost or corrupted, the process tree of a build, and the summary line.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readManifest } from '../../src/batch/manifest.js';
import { finished, FIXTURE_DATA, isWholePdf, spawnBrief } from '../batch/helpers/build-fixture.js';
import { fixture } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/run-cli.js';
import { withoutProof } from '../helpers/proof-lines.js';

export { finished, FIXTURE_DATA, isWholePdf, spawnBrief, waitForLine, pageCount, listFiles } from '../batch/helpers/build-fixture.js';

/** A fixture of this suite, under test/fixtures/robustness. */
export const robustnessFixture = (...parts: string[]) => fixture('robustness', ...parts);

// --- The summary line -------------------------------------------------------------------------
// It counts outcomes, not attempts (issue 11): a case calls countBadInput or countFault as its last
// statement, after its assertions, so a case that fails one is never counted.

const tally = { badInputs: new Set<string>(), faults: new Set<string>(), lost: 0 };

/** A bad input the tool was seen to refuse or make inert: call it after the case's last assertion. */
export function countBadInput(name: string): void {
  tally.badInputs.add(name);
}

/** A fault injected into a build that ended as expected: call it after the case's last assertion. */
export function countFault(name: string): void {
  tally.faults.add(name);
}

// Printed once, when the run ends: uvu runs every suite file in this one process.
process.once('exit', () => {
  process.stdout.write(
    `\nrobustness: ${tally.badInputs.size} bad inputs tried, ${tally.faults.size} faults injected, ${tally.lost} files lost or corrupted\n`,
  );
});

// --- The CLI ----------------------------------------------------------------------------------

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** `brief ...` from source, to the end. */
export function brief(args: string[]): Promise<CliResult> {
  return finished(spawnBrief(args));
}

/** `brief ...` under a file-size limit (`ulimit -f`, in KiB): writes past it fail with EFBIG. */
export function briefWithFileSizeLimit(kib: number, args: string[]): Promise<CliResult> {
  const cli = path.join(ROOT, 'test/batch/helpers/brief-cli.ts');
  const quoted = [process.execPath, '--import', 'tsx', cli, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('bash', ['-c', `ulimit -f ${kib} && exec ${quoted}`], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return finished(child);
}

/** The lines a failed command printed to stderr, trimmed, the proof's warnings (issue 18) left out. */
export function errorLines(result: CliResult): string[] {
  return withoutProof(result.stderr).trim().split('\n');
}

// --- Workspaces and snapshots ------------------------------------------------------------------

export interface Workspace {
  dir: string;
  out: string;
  remove(): Promise<void>;
}

export async function makeTemp(prefix = 'brief-robust-'): Promise<Workspace> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, out: path.join(dir, 'output'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A copy of an output folder built earlier, so each fault starts from whole outputs. */
export async function copyOutput(from: string, ws: Workspace): Promise<void> {
  await cp(from, ws.out, { recursive: true, verbatimSymlinks: true });
}

/**
 * sha256 of every regular file under `dir`, by relative path. Left out: the lock folder, and the
 * fingerprints of checked outputs, which any run may update (a cache of what it verified, not an output).
 */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel.startsWith('.brief-build.lock') || rel === '.brief-fingerprints.json') continue;
    hashes.set(rel, createHash('sha256').update(await readFile(path.join(dir, rel))).digest('hex'));
  }
  return hashes;
}

/**
 * Files lost or corrupted since `before`: every earlier file must be byte-identical (outputs are
 * reproducible, so one printed again is too), except the manifest, which a failed run rewrites and
 * which must then describe exactly what is on disk. Temporary files left behind count as well.
 * Adds to the summary's count and returns the problems found.
 */
export async function lostOrCorrupted(before: Map<string, string>, dir: string): Promise<string[]> {
  const after = await snapshot(dir);
  const problems: string[] = [];
  for (const [file, hash] of before) {
    if (file === 'manifest.json') continue;
    if (!after.has(file)) problems.push(`${file} is gone`);
    else if (after.get(file) !== hash) {
      problems.push(`${file} changed`);
      if (process.env.BRIEF_KEEP_EVIDENCE) await cp(path.join(dir, file), path.join(process.env.BRIEF_KEEP_EVIDENCE, `${Date.now()}-${path.basename(file)}`));
    }
  }
  if (before.has('manifest.json')) {
    const manifest = await readManifest(dir).catch(() => undefined);
    if (!manifest) problems.push('manifest.json is unreadable');
    // Entries for files that were whole before; a file the test itself took away is not the build's loss.
    for (const entry of (manifest?.files ?? []).filter((e) => before.has(e.path))) {
      if (after.get(entry.path) !== entry.sha256) problems.push(`manifest.json does not match ${entry.path}`);
    }
  }
  for (const file of after.keys()) {
    if (/\.tmp-\d+-\d+$/.test(file)) problems.push(`${file} is a temporary file left behind`);
    else if (file.endsWith('.pdf') && !isWholePdf(await readFile(path.join(dir, file)))) problems.push(`${file} is not a whole PDF`);
  }
  tally.lost += problems.length;
  return problems;
}

// --- Processes: see test/helpers/processes.ts -------------------------------------------------

export { chromiumOf, descendants, profileDir, sleep, stillRunning, waitForChromium } from '../helpers/processes.js';
export const exists = existsSync;

// --- A built output shared by the fault tests --------------------------------------------------

let golden: Promise<{ data: string; out: string }> | undefined;

/**
 * Eight generated programmes, brief and one-pager each, built once per run: every fault test
 * copies this output and checks that nothing of it is lost.
 */
export function goldenOutput(): Promise<{ data: string; out: string }> {
  golden ??= (async () => {
    const { generateDataset } = await import('../../bench/generate-dataset.js');
    const { runBatch } = await import('../../src/batch/run-batch.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-golden-'));
    process.once('exit', () => execFileSync('rm', ['-rf', dir]));
    const data = path.join(dir, 'data');
    const out = path.join(dir, 'output');
    await generateDataset(data, 8);
    await runBatch({ dataDir: data, outDir: out, formats: ['brief', 'one-pager'] });
    return { data, out };
  })();
  return golden;
}

/** The flags the golden output was built with; a fault run repeats them so the pack stays the same. */
export const GOLDEN_FLAGS = ['--format', 'brief', '--format', 'one-pager'] as const;

/** The text of every page of a PDF, by poppler's pdftotext. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
