// `mkdir -p` that always ends: Node 20's recursive mkdir spins forever on a path under /proc
// (mkdir answers ENOENT although the parent exists), which hung `brief build --out /proc/x`.
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Creates `dir` and any missing parents; rejects with the system's error when it cannot. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw error;
  }
  await makeFolder(dirname(dir));
  // Once, not in a loop: if the parent is there and this still fails, the error is real.
  await mkdir(dir).catch(async (error: NodeJS.ErrnoException) => {
    if (!(error.code === 'EEXIST' && (await stat(dir)).isDirectory())) throw error;
  });
}
