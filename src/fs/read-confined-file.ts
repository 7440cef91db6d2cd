// A file named by data, read so that it cannot hang, exhaust memory or leave its folder (issue 20):
// a pipe, device or socket is refused before a byte is read, a link is followed only where its
// real path stays inside the folder, and no more than a set number of bytes is ever held.
import { constants, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { codeOf, isWithin } from './list-files.js';

/** Why a file was not read: each kind is worded by the caller. */
export type ConfinedReadProblem =
  | { kind: 'unreadable'; code: string }
  | { kind: 'outside'; real: string }
  | { kind: 'folder' }
  | { kind: 'special' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'timeout' };

export interface ConfinedReadOptions {
  /** Only a file whose real path lies inside this folder is read; none given, any path is. */
  root?: string;
  /** A file longer than this is refused unread. */
  maxBytes: number;
  /** A read that takes longer is abandoned (a hung network mount, say). */
  timeoutMs: number;
}

/** The file's bytes, or why it was not read. */
export async function readConfinedFile(
  file: string,
  options: ConfinedReadOptions,
): Promise<{ bytes: Uint8Array } | { problem: ConfinedReadProblem }> {
  // Outside by its name alone: refused without a look, so that the answer says nothing of the file.
  if (options.root !== undefined && !isWithin(path.resolve(options.root), path.resolve(file))) {
    return { problem: { kind: 'outside', real: path.resolve(file) } };
  }
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    return { problem: { kind: 'unreadable', code: codeOf(error) } };
  }
  if (options.root !== undefined) {
    let rootReal: string;
    try {
      rootReal = realpathSync(options.root);
    } catch (error) {
      return { problem: { kind: 'unreadable', code: codeOf(error) } };
    }
    if (!isWithin(rootReal, real)) return { problem: { kind: 'outside', real } };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ problem: ConfinedReadProblem }>((resolve) => {
    timer = setTimeout(() => resolve({ problem: { kind: 'timeout' } }), options.timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([readRegular(real, options.maxBytes), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readRegular(real: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { problem: ConfinedReadProblem }> {
  // O_NONBLOCK: opening a pipe with no writer returns at once instead of waiting for one; O_NOFOLLOW:
  // the path checked above is the path opened, not a link put in its place since.
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = codeOf(error);
    // A socket cannot be opened (ENXIO); a link swapped in after the check (ELOOP) is refused too.
    if (code === 'ENXIO' || code === 'ELOOP') return { problem: { kind: 'special' } };
    return { problem: { kind: 'unreadable', code } };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { problem: { kind: 'folder' } };
    if (!info.isFile()) return { problem: { kind: 'special' } };
    if (info.size > maxBytes) return { problem: { kind: 'too-large', bytes: info.size } };
    // Read to a limit, not to the size stat gave: /proc files say 0 and a growing file says less.
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(info.size + 1, 64 * 1024)));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled > maxBytes) return { problem: { kind: 'too-large', bytes: filled } };
        const grown = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) return { bytes: buffer.subarray(0, filled) };
      filled += bytesRead;
    }
  } catch (error) {
    return { problem: { kind: 'unreadable', code: codeOf(error) } };
  } finally {
    await handle.close();
  }
}
