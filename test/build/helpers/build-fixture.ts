// Shared by the build tests: a temporary copy of the build fixture and readers of real PDFs.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

/** The text of one page (from 1) of a PDF, by poppler's pdftotext. */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}

/** The page count poppler reads. */
export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The outline pdf.js reads: titles, nested. */
export async function readBookmarks(file: string): Promise<{ title: string; items: { title: string }[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const outline = (await doc.getOutline()) ?? [];
  await doc.destroy();
  return outline as unknown as { title: string; items: { title: string }[] }[];
}

/** The page index (from 0) each top-level bookmark of a PDF points at, read by pdf.js. */
export async function bookmarkPages(file: string): Promise<Map<string, number>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const pages = new Map<string, number>();
  for (const item of (await doc.getOutline()) ?? []) {
    const dest = Array.isArray(item.dest) ? item.dest : await doc.getDestination(String(item.dest));
    const ref = dest?.[0];
    if (ref && typeof ref === 'object') pages.set(item.title, await doc.getPageIndex(ref as never));
  }
  await doc.destroy();
  return pages;
}

/** `brief build|watch ...` as a child process, through the CLI's own commands. */
export function spawnBrief(args: string[], cwd = ROOT): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/build/helpers/brief-cli.ts'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
    child.stderr?.on('data', (d) => (seen += d));
    child.stdout?.on('data', (d) => {
      seen += d;
      const line = seen.split('\n').find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
}

/** True when bytes end like a whole PDF (a truncated write loses the trailer). */
export function isWholePdf(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64))).toString('latin1');
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-' && tail.includes('%%EOF');
}
