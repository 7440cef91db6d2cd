// Whether an output on disk is still what the manifest says it is: same size and same sha256
// (issue 11: a file damaged in place, its size unchanged, must not pass for up to date).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A file as the manifest records it. */
export interface RecordedFile {
  /** Relative to the output folder, with `/`. */
  path: string;
  bytes: number;
  sha256: string;
}

/** Files read at once: enough to keep reading and hashing overlapped, few enough that a batch of thousands is not all in memory. */
const READING_AT_ONCE = 8;

/** Checks recorded files against the disk, each file read and hashed once per run. */
export class OutputVerifier {
  readonly #checked = new Map<string, Promise<boolean>>();
  readonly #queue: Array<() => void> = [];
  #reading = 0;

  constructor(readonly outDir: string) {}

  /** True when the file exists with the recorded size and sha256. */
  check(file: RecordedFile): Promise<boolean> {
    const key = `${file.path}\0${file.bytes}\0${file.sha256}`;
    let pending = this.#checked.get(key);
    if (!pending) {
      pending = this.#inTurn(() => hasRecordedContent(this.outDir, file));
      this.#checked.set(key, pending);
    }
    return pending;
  }

  async #inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.#reading >= READING_AT_ONCE) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#reading++;
    try {
      return await work();
    } finally {
      this.#reading--;
      this.#queue.shift()?.();
    }
  }

  /** True when every file checks; all are read and hashed at once, so reading overlaps hashing. */
  async checkAll(files: readonly RecordedFile[]): Promise<boolean> {
    const results = await Promise.all(files.map((file) => this.check(file)));
    return results.every(Boolean);
  }
}

async function hasRecordedContent(outDir: string, file: RecordedFile): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(outDir, file.path));
  } catch {
    return false;
  }
  return bytes.length === file.bytes && createHash('sha256').update(bytes).digest('hex') === file.sha256;
}
