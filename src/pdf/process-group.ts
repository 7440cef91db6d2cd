// A local browser's process group: Puppeteer starts Chromium detached, so its pid leads a group
// holding every helper; closing a browser kills the group and waits until it is gone.

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

/** Resolves once no process of the group `pid` leads is left (or after `ms`). */
export async function waitForGroupExit(pid: number | undefined, ms: number): Promise<void> {
  if (!pid) return;
  const until = Date.now() + ms;
  while (isGroupAlive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

function isGroupAlive(pid: number): boolean {
  try {
    return process.kill(-pid, 0);
  } catch {
    return false; // ESRCH: the whole group is gone.
  }
}
