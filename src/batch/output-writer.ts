// Atomic writes: a temporary file in the same folder, then rename, so an interrupted run never
// leaves a half-written output and what an earlier run wrote stays whole (issue 4 item 2, issue 5 item 4).
import { rmSync } from 'node:fs';
import { readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { OutputError } from '../errors.js';
import { makeFolder } from '../fs/make-folder.js';

const TEMP_PATTERN = /^\..+\.tmp-\d+-\d+$/;

/** The temporary files a run has open, so an abort can remove them. */
export class TempFiles {
  private readonly open = new Set<string>();
  private counter = 0;
  // A process ending at once (a second Ctrl-C calls process.exit) still removes what is open.
  private readonly removeOnExit = () => {
    for (const temp of this.open) rmSync(temp, { force: true });
  };

  /** A fresh temporary name beside `target`. */
  reserve(target: string): string {
    const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${++this.counter}`);
    if (this.open.size === 0) process.on('exit', this.removeOnExit);
    this.open.add(temp);
    return temp;
  }

  release(temp: string): void {
    this.open.delete(temp);
    if (this.open.size === 0) process.off('exit', this.removeOnExit);
  }

  /** Removes every temporary file still open; safe to call twice. */
  async removeAll(): Promise<void> {
    const temps = [...this.open];
    this.open.clear();
    process.off('exit', this.removeOnExit);
    await Promise.all(temps.map((t) => rm(t, { force: true })));
  }

  get size(): number {
    return this.open.size;
  }
}

/** Writes files under one output folder, never outside it, never through a symlink out of it. */
export class OutputWriter {
  private readonly checked = new Map<string, Promise<void>>();
  private rootReal: Promise<string> | undefined;
  readonly temps = new TempFiles();

  constructor(readonly root: string) {}

  /** The absolute path of an output given relative to the root, refusing `..` escapes. */
  resolve(relPath: string): string {
    const target = resolve(this.root, relPath);
    const rel = relative(this.root, target);
    if (rel === '' || rel.startsWith('..') || resolve(this.root, rel) !== target) {
      throw new OutputError(`refusing to write ${relPath}: it is outside ${this.root}`);
    }
    return target;
  }

  /** Writes `bytes` to `relPath` atomically; returns the absolute path. */
  async write(relPath: string, bytes: Uint8Array | string): Promise<string> {
    const target = this.resolve(relPath);
    await this.ensureFolder(dirname(target));
    const temp = this.temps.reserve(target);
    try {
      await writeFile(temp, bytes);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw new OutputError(`cannot write ${target}: ${(error as Error).message}`, error);
    } finally {
      this.temps.release(temp);
    }
    return target;
  }

  /** Creates a folder once, and checks that its real path stays inside the root (no symlink out). */
  private ensureFolder(folder: string): Promise<void> {
    let pending = this.checked.get(folder);
    if (!pending) {
      pending = (async () => {
        try {
          await makeFolder(folder);
        } catch (error) {
          throw new OutputError(`cannot create ${folder}: ${(error as Error).message}`, error);
        }
        this.rootReal ??= realpath(this.root);
        const [root, real] = await Promise.all([this.rootReal, realpath(folder)]);
        if (real !== root && !real.startsWith(root + sep)) {
          throw new OutputError(`refusing to write into ${folder}: it leads outside ${this.root} (a symlink?)`);
        }
      })();
      this.checked.set(folder, pending);
    }
    return pending;
  }
}

/** Removes temporary files a killed run left behind (a SIGKILL cannot be cleaned up after). */
export async function sweepTempFiles(root: string): Promise<number> {
  let removed = 0;
  const visit = async (folder: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isFile() && TEMP_PATTERN.test(entry.name)) {
        await rm(path, { force: true });
        removed++;
      } else if (entry.isDirectory() && !entry.isSymbolicLink() && depth < 3) {
        await visit(path, depth + 1);
      }
    }
  };
  await visit(root, 0);
  return removed;
}
