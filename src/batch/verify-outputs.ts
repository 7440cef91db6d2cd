// Whether an output on disk is still what the manifest says it is: same size and same sha256
// (issue 11: a file damaged in place, its size unchanged, must not pass for up to date).
//
// Reading and hashing every output made a no-op ~30 ms slower (~30 MB here). As git's index does,
// the file system's own fingerprint of a file (size, inode, change time) is kept for each output
// whose sha256 was last seen true: while the fingerprint is the same, no byte of the file has been
// written since, so it is not read again. Any write through the file system (even one that sets
// the modification time back) moves the change time. The fingerprints live in a file of their own
// in the output folder, never in the manifest, which must stay the same on every machine.
import { createHash } from 'node:crypto';
import { open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A file as the manifest records it. */
export interface RecordedFile {
  /** Relative to the output folder, with `/`. */
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * Files read at once, each through a buffer of its own that is used again for the next: reading
 * and hashing overlap, and a no-op run (~30 MB of outputs here) allocates 4 MiB, not 30, which
 * had cost it ~10 ms in allocation and garbage collection.
 */
const READING_AT_ONCE = 4;
const CHUNK_BYTES = 1 << 20;

/** The fingerprints' file, beside the outputs (a dot-file: no listing, pack or zip takes it). */
export const FINGERPRINTS_NAME = '.brief-fingerprints.json';

/** A file as the file system last described it while its content had a known sha256. */
interface Fingerprint {
  sha256: string;
  size: number;
  ino: string;
  /** Change time, in nanoseconds. */
  ctime: string;
}

/**
 * A fingerprint taken this close before the fingerprints' file was written is not trusted: a write
 * in the same tick of the file system's clock would not have moved the change time ("racy git").
 */
const RACY_NS = 100_000_000n;

/** Checks recorded files against the disk, each file read and hashed once per run. */
export class OutputVerifier {
  readonly #checked = new Map<string, Promise<boolean>>();
  readonly #free: Buffer[] = [];
  readonly #waiting: Array<(buffer: Buffer) => void> = [];
  #buffers = 0;
  #fingerprints: Promise<Map<string, Fingerprint>> | undefined;
  #learned = false;

  constructor(readonly outDir: string) {}

  /** True when the file exists with the recorded size and sha256. */
  check(file: RecordedFile): Promise<boolean> {
    const key = `${file.path}\0${file.bytes}\0${file.sha256}`;
    let pending = this.#checked.get(key);
    if (!pending) {
      pending = this.#checkOne(file);
      this.#checked.set(key, pending);
    }
    return pending;
  }

  /** Takes note that `path` was just written with this sha256. */
  async remember(path: string, sha256: string): Promise<void> {
    const info = await stat(join(this.outDir, path), { bigint: true }).catch(() => undefined);
    const known = await this.#known();
    if (info) known.set(path, fingerprintOf(info, sha256));
    else known.delete(path);
    this.#learned = true;
  }

  /** Writes the fingerprints learned this run, if any, for the next run. */
  async save(): Promise<void> {
    if (!this.#learned) return;
    const known = await this.#known();
    const file = join(this.outDir, FINGERPRINTS_NAME);
    const temp = `${file}.tmp-${process.pid}`;
    try {
      await writeFile(temp, `${JSON.stringify(Object.fromEntries(known))}\n`);
      await rename(temp, file);
    } catch {
      // Only a speed-up is lost: the next run reads and hashes the outputs.
    }
  }

  async #checkOne(file: RecordedFile): Promise<boolean> {
    const path = join(this.outDir, file.path);
    const [info, known] = await Promise.all([stat(path, { bigint: true }).catch(() => undefined), this.#known()]);
    if (!info || Number(info.size) !== file.bytes) return false;
    const print = known.get(file.path);
    if (print && print.sha256 === file.sha256 && sameFile(print, info)) return true;
    const intact = await this.#withBuffer((buffer) => hasRecordedContent(path, file, buffer));
    if (intact) {
      known.set(file.path, fingerprintOf(info, file.sha256));
      this.#learned = true;
    }
    return intact;
  }

  /** The fingerprints an earlier run left, but those too fresh to trust. */
  #known(): Promise<Map<string, Fingerprint>> {
    this.#fingerprints ??= (async () => {
      const file = join(this.outDir, FINGERPRINTS_NAME);
      try {
        const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file, { bigint: true })]);
        const entries = Object.entries(JSON.parse(text) as Record<string, Fingerprint>);
        return new Map(entries.filter(([, print]) => BigInt(print.ctime) < info.ctimeNs - RACY_NS));
      } catch {
        return new Map<string, Fingerprint>();
      }
    })();
    return this.#fingerprints;
  }

  /** True when every file checks; they are read and hashed a few at a time, all started at once. */
  async checkAll(files: readonly RecordedFile[]): Promise<boolean> {
    const results = await Promise.all(files.map((file) => this.check(file)));
    return results.every(Boolean);
  }

  async #withBuffer<T>(work: (buffer: Buffer) => Promise<T>): Promise<T> {
    let buffer = this.#free.pop();
    if (!buffer && this.#buffers < READING_AT_ONCE) {
      this.#buffers++;
      buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    }
    buffer ??= await new Promise<Buffer>((resolve) => this.#waiting.push(resolve));
    try {
      return await work(buffer);
    } finally {
      const next = this.#waiting.shift();
      if (next) next(buffer);
      else this.#free.push(buffer);
    }
  }
}

function fingerprintOf(info: import('node:fs').BigIntStats, sha256: string): Fingerprint {
  return { sha256, size: Number(info.size), ino: String(info.ino), ctime: String(info.ctimeNs) };
}

function sameFile(print: Fingerprint, info: import('node:fs').BigIntStats): boolean {
  return print.size === Number(info.size) && print.ino === String(info.ino) && print.ctime === String(info.ctimeNs);
}

/** Reads the file through `buffer`, hashing as it goes; false when it is missing, shorter, longer or different. */
async function hasRecordedContent(file: string, recorded: RecordedFile, buffer: Buffer): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return false;
  }
  try {
    const hash = createHash('sha256');
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > recorded.bytes) return false;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return total === recorded.bytes && hash.digest('hex') === recorded.sha256;
  } catch {
    return false;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
