import path from 'node:path';

/**
 * A path as messages show it: relative to `cwd` (the command's working folder, passed in) when it
 * lies inside it, else absolute; absolute when no `cwd` is given.
 */
export function displayPath(absolute: string, cwd: string | undefined): string {
  if (cwd === undefined) return absolute;
  const rel = path.relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : absolute;
}
