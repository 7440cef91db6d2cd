// A browser launched here leads a process group of its own; ending it means ending the group.
import { readdirSync, readFileSync } from 'node:fs';

/** Puppeteer starts Chromium detached, so its pid leads a process group holding every helper. */
export function killProcessGroup(pid: number | undefined): void {
  if (!pid) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // ESRCH: already gone.
    }
  }
}

/** Waits until no live process is left in the group `pid` leads (zombies aside), at most `ms`. */
export async function processGroupEnds(pid: number | undefined, ms: number): Promise<boolean> {
  if (!pid) return true;
  for (let waited = 0; ; waited += 20) {
    if (!groupHasLiveProcess(pid)) return true;
    if (waited >= ms) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function groupHasLiveProcess(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    // No /proc: a signal 0 tells whether the group has any process left.
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // Gone while reading.
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ")".
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}
