import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Run the real `brief` command (the built CLI) and collect what it printed. */
export function runCli(args: string[], options: SpawnSyncOptions = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/brief.js'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    timeout: 120_000,
    ...options,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}
