// The processes a test started: a build's process tree, its Chromium, and whether any is left.
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
  stat: string;
  args: string;
}

function processTable(): ProcessRow[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,pgid=,stat=,args='], { encoding: 'utf8', maxBuffer: 16 << 20 })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), stat: m[4]!, args: m[5]! }));
}

/** Every live process whose parent chain leads to `pid`. */
export function descendants(pid: number): ProcessRow[] {
  const table = processTable().filter((p) => !p.stat.startsWith('Z'));
  const found: ProcessRow[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const children = table.filter((p) => frontier.includes(p.ppid));
    found.push(...children);
    frontier = children.map((p) => p.pid);
  }
  return found;
}

/** The Chromium processes of a build: its descendants running a Chromium binary. */
export function chromiumOf(pid: number): ProcessRow[] {
  return descendants(pid).filter((p) => /chrom/i.test(p.args.split(' ')[0] ?? ''));
}

/** Live processes among these ids or in these process groups (Chromium leads its own group). */
export function stillRunning(pids: number[], pgids: number[]): string[] {
  return processTable()
    .filter((p) => !p.stat.startsWith('Z') && (pids.includes(p.pid) || pgids.includes(p.pgid)))
    .map((p) => `${p.pid} ${p.args.slice(0, 80)}`);
}

/** The --user-data-dir of a Chromium command line, if it has one. */
export function profileDir(args: string): string | undefined {
  return /--user-data-dir=(\S+)/.exec(args)?.[1];
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `child` has Chromium running (a build launches it with its first PDF). */
export async function waitForChromium(child: ChildProcess, timeoutMs = 30_000): Promise<ProcessRow[]> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    const found = chromiumOf(child.pid!);
    if (found.length > 0) return found;
    await sleep(50);
  }
  throw new Error('no Chromium started under the build');
}
