// The only file I/O of the facts layer: find and read the data folder's YAML files.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefError, DataError, EXIT, type Problem } from '../errors.js';
import { listFolder, type ListedFile } from '../fs/list-files.js';
import { isDataFileName } from './data-file-name.js';
import { describeListingProblem, mayHoldData, reasonOf } from './describe-listing-problem.js';
import { displayPath } from '../fs/display-path.js';

/** A data file as read from disk. */
export interface RawDataFile {
  /** The path as messages show it: relative to the command's working folder where it is inside it. */
  file: string;
  absolute: string;
  bytes: Uint8Array;
}

/** The files that could be read, and a problem for each one that could not. */
export interface DataFolderContents {
  files: RawDataFile[];
  problems: Problem[];
}

/**
 * Every .yaml/.yml file below dir but dot-files, sorted by path so that data order is stable.
 * A file or folder that cannot be read, or a link that leads out of the folder or nowhere, is a
 * problem of its own; every other file is still read.
 */
export async function readDataFolder(dir: string, cwd?: string): Promise<DataFolderContents> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new BriefError(`data folder not found: ${displayPath(root, cwd)} (give one with --data DIR)`, {
      exitCode: EXIT.data,
    });
  }
  const listing = await listFolder(root);
  const problems = listing.problems.filter(mayHoldData).map((problem) => describeListingProblem(problem, cwd));
  const chosen = pickDataFiles(listing.files);
  if (chosen.length === 0 && problems.length === 0) {
    throw new DataError([
      {
        file: displayPath(root, cwd),
        line: 1,
        col: 1,
        path: '',
        message: 'the data folder holds no .yaml files; expected at least one with `meta:` and `programmes:` or `topics:`',
      },
    ]);
  }
  const files: RawDataFile[] = [];
  await Promise.all(
    chosen.map(async ({ path: absolute }, i) => {
      const file = displayPath(absolute, cwd);
      try {
        files[i] = { file, absolute, bytes: await readFile(absolute) };
      } catch (error) {
        // Listed as readable a moment ago: changed since, or refused for another reason.
        problems.push({ file, line: 1, col: 1, path: '', message: `cannot read: ${reasonOf(error)}` });
      }
    }),
  );
  return { files: files.filter(Boolean), problems };
}

/** The YAML files, each real file once: under its own path where that is listed, else its first link's. */
function pickDataFiles(listed: ListedFile[]): ListedFile[] {
  const yaml = listed.filter((f) => isDataFileName(f.path));
  const byReal = new Map<string, ListedFile>();
  for (const f of yaml) {
    const kept = byReal.get(f.real);
    if (!kept || (kept.viaLink && !f.viaLink)) byReal.set(f.real, f);
  }
  return yaml.filter((f) => byReal.get(f.real) === f);
}
