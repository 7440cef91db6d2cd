// A file replaced whole or not at all: written beside it under a temporary name, then renamed.
import { randomBytes } from 'node:crypto';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Replace the file `target` (through a link, the file it leads to) with `text`, keeping its mode. */
export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const real = await realpath(target);
  const { mode } = await stat(real);
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { mode, flag: 'wx' });
    await rename(temp, real);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
