// How the benchmark times a command: wall time, and the peak resident memory and the CPU time of its
// whole process tree, in an environment without the start-up tax no measured command needs.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { browserEnvironment } from '../src/browser/browser-env.js';
import { launchArgs } from '../src/browser/browsers.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The environment the measured commands run in. NODE_EXTRA_CA_CERTS makes every Node process read
 * and parse a certificate bundle as it starts, before any of its own code (~70 ms on a machine that
 * sets it for its package mirror); none of the measured commands opens a TLS connection, and the
 * tax would fall on each of them once, the no-op most of all. Left out here, measured on its own
 * (`startup tax`), and the no-op is also timed with the environment as inherited.
 */
export const INHERITED_ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
export const MEASURED_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(INHERITED_ENV).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

/** One finished command: wall time, the peak RSS and the CPU time of its process tree, what it printed. */
export interface Timed {
  seconds: number;
  peakMiB: number;
  /**
   * CPU seconds (user + system) of the command's own process and of its descendants (the
   * browser's processes), each as last seen: sampled every SAMPLE_MS, so a process's last moments
   * before it ends are not counted, and the figures are a little low.
   */
  cpu: { own: number; descendants: number };
  stdout: string;
}

// Sampling reads all of /proc, on the measured machine's cores: not more often than this.
const SAMPLE_MS = 100;
/** What /proc/PID/stat counts CPU time in (USER_HZ). */
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Runs a command to its end; wall time, and the peak RSS and CPU time of its whole process tree. */
export async function timed(command: string, args: string[], env: NodeJS.ProcessEnv = MEASURED_ENV, cwd = ROOT): Promise<Timed> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peak = 0;
  const ticks = new Map<number, number>();
  const sampler = setInterval(() => {
    peak = Math.max(peak, sampleTree(child.pid!, ticks));
  }, SAMPLE_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`);
  const own = (ticks.get(child.pid!) ?? 0) / TICKS_PER_SECOND;
  const descendants = [...ticks].reduce((sum, [pid, t]) => (pid === child.pid ? sum : sum + t), 0) / TICKS_PER_SECOND;
  return { seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024 / 1024, cpu: { own, descendants }, stdout };
}

/**
 * Sum of resident memory of a process and all its descendants, from /proc; notes in `ticks` the
 * CPU time (user + system, in ticks) each of them has used so far.
 */
function sampleTree(root: number, ticks: Map<number, number>): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const used = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      used.set(pid, Number(fields[11]) + Number(fields[12]));
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
    if (used.has(pid)) ticks.set(pid, used.get(pid)!);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** `brief ...` from this checkout's bin/, timed. */
export const brief = (args: string[], env?: NodeJS.ProcessEnv) => timed(process.execPath, [path.join(ROOT, 'bin/brief.js'), ...args], env);

/** The middle value (the upper middle of an even count): times on a shared machine are noisy. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Pages of a PDF as Chromium writes it (no object streams): its /Type /Page objects. */
export const countPdfPages = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/** The print-only limit on the HTML files of LIST_FILE (bench/print-limit.mjs). */
export interface PrintLimit extends Timed {
  limit: { seconds: number; documents: number; pages: number; frameless: boolean };
}

/**
 * Runs bench/print-limit.mjs: only `page.pdf()` is in `limit.seconds`; the process's own time and RSS
 * besides. Its browser is launched as the tool launches its own (src/browser/browsers.ts): the same
 * flags and the project's private fonts, so it prints the very pages the tool prints.
 */
export async function printLimit(listFile: string, browser: { path: string; headless: unknown }, lanes: number, profile: string): Promise<PrintLimit> {
  await rm(profile, { recursive: true, force: true });
  await mkdir(profile, { recursive: true });
  const env = await browserEnvironment(profile, MEASURED_ENV);
  const launch = JSON.stringify({ args: launchArgs(process.getuid?.() === 0), userDataDir: profile });
  const run = await timed(process.execPath, [path.join(ROOT, 'bench/print-limit.mjs'), listFile, browser.path, String(browser.headless), String(lanes), launch], env);
  return { ...run, limit: JSON.parse(run.stdout.trim().split('\n').at(-1)!) as PrintLimit['limit'] };
}
