// The only file I/O of the facts layer: find and read the data folder's YAML files.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefError, DataError, EXIT } from '../errors.js';
import { listFiles } from '../fs/list-files.js';

/** A data file as read from disk. */
export interface RawDataFile {
  /** The path as messages show it: relative to the working folder where it is inside it. */
  file: string;
  absolute: string;
  bytes: Uint8Array;
}

const YAML_FILE = /\.ya?ml$/i;

/** Every .yaml/.yml file below dir but dot-files, sorted by path so that data order is stable. */
export async function readDataFolder(dir: string): Promise<RawDataFile[]> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new BriefError(`data folder not found: ${displayPath(root)} (give one with --data DIR)`, {
      exitCode: EXIT.data,
    });
  }
  const files = (await listFiles(root)).filter((file) => YAML_FILE.test(file));
  if (files.length === 0) {
    throw new DataError([
      {
        file: displayPath(root),
        line: 1,
        col: 1,
        path: '',
        message: 'the data folder holds no .yaml files; expected at least one with `meta:` and `programmes:` or `topics:`',
      },
    ]);
  }
  return Promise.all(
    files.map(async (absolute) => ({ file: displayPath(absolute), absolute, bytes: await readFile(absolute) })),
  );
}

/** A path relative to the working folder when it lies inside it, else absolute. */
export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : absolute;
}
