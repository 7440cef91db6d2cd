// What a person reads for a file or folder of the data folder that could not be listed or read.
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { ListingProblem } from '../fs/list-files.js';
import { isDataFileName } from './data-file-name.js';
import { displayPath } from '../fs/display-path.js';

/** Only what could have held data files counts: a stray link named notes.txt does not. */
export function mayHoldData(problem: ListingProblem): boolean {
  const named = isDataFileName(problem.path);
  switch (problem.kind) {
    case 'unreadable':
    case 'outside':
      return problem.isFolder || named;
    case 'dangling':
      return named || path.extname(problem.path) === '';
    case 'loop':
      return true;
    case 'special':
      return named;
  }
}

/** The problem as `brief check` prints it, at the file or folder, line 1. */
export function describeListingProblem(problem: ListingProblem, cwd: string | undefined): Problem {
  const at = { file: displayPath(problem.path, cwd), line: 1, col: 1 };
  switch (problem.kind) {
    case 'unreadable':
      return problem.isFolder
        ? { ...at, path: '(folder)', message: `cannot read this folder: ${reasonOf(problem.code)}; the files in it are not read` }
        : { ...at, path: '', message: `cannot read: ${reasonOf(problem.code)}` };
    case 'outside':
      return {
        ...at,
        path: problem.isFolder ? '(folder)' : '',
        message: `is a symbolic link to ${displayPath(problem.target, cwd)}, outside the data folder; only links within it are followed`,
      };
    case 'dangling':
      return { ...at, path: '', message: `is a symbolic link to ${problem.target}, which does not exist` };
    case 'special':
      return { ...at, path: '', message: 'is not a regular file (a pipe, socket or device), so it is not read' };
    case 'loop':
      return {
        ...at,
        path: problem.target ? '(folder)' : '',
        message: problem.target
          ? `is a symbolic link to ${displayPath(problem.target, cwd)}, a folder that holds the link itself: it loops`
          : 'is a symbolic link that leads back to itself: it loops',
      };
  }
}

/** "permission denied" for EACCES, and the like: what a person reads in place of an errno. */
export function reasonOf(errorOrCode: unknown): string {
  const code = typeof errorOrCode === 'string' ? errorOrCode : ((errorOrCode as NodeJS.ErrnoException).code ?? 'EIO');
  return REASONS[code] ?? code;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'an input/output error',
  ENOENT: 'it does not exist',
  EISDIR: 'it is a folder',
  ELOOP: 'its symbolic links lead round in a loop',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ENAMETOOLONG: 'its path is too long',
  // Node's word for a path holding a NUL character, which no file's path can.
  ERR_INVALID_ARG_VALUE: 'its path holds a NUL character',
};
