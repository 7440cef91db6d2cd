// Shared by the build tests: a temporary copy of the build fixture and readers of real PDFs.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../helpers/run-cli.js';

export const FIXTURE_DATA = path.join(ROOT, 'test/fixtures/build/data');

/** A temporary folder with a copy of the fixture's data in `data/` and room for `output/`. */
export async function makeWorkspace(): Promise<{ dir: string; data: string; out: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-build-'));
  const data = path.join(dir, 'data');
  await cp(FIXTURE_DATA, data, { recursive: true });
  return { dir, data, out: path.join(dir, 'output'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file below a folder, relative, with `/`. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export { bookmarkPages, pageCount, pageText, readBookmarks } from '../../helpers/pdf.js';

/** tsx's loader (`--import tsx`), found from the project: a child may run in a folder with no node_modules. */
const TSX = pathToFileURL(createRequire(path.join(ROOT, 'package.json')).resolve('tsx')).href;

/** `brief build|watch ...` as a child process, through the CLI's own commands. */
export function spawnBrief(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'test/batch/helpers/brief-cli.ts'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The built `brief` (bin/brief.js, as a user runs it) as a child process with its own temporary
 * folder (TMPDIR), to see what it leaves there: tsx, which runs the CLI from source, keeps its
 * compile cache in TMPDIR.
 */
export function spawnBuiltBrief(args: string[], tmpdir: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'bin/brief.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmpdir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A private temporary folder to give a child as its TMPDIR. */
export async function makeTmpdir(): Promise<{ dir: string; left(): Promise<string[]>; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'brief-tmpdir-'));
  return { dir, left: async () => (await readdir(dir)).sort(), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Resolves with the exit code and everything the child printed. */
export function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Resolves when the child's stdout has printed a line matching `pattern`. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line like ${pattern} within ${timeoutMs} ms; saw:\n${seen}`)), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before a line like ${pattern}; saw:\n${seen}`));
    });
    // Either stream: progress goes to stdout, what the command is doing now (e.g. stopping) to stderr.
    const look = (d: Buffer | string) => {
      seen += d;
      const line = seen.split('\n').find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stderr?.on('data', look);
    child.stdout?.on('data', look);
  });
}

/** True when bytes end like a whole PDF (a truncated write loses the trailer). */
export function isWholePdf(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64))).toString('latin1');
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-' && tail.includes('%%EOF');
}
