// The output folder may not be the data folder or the templates folder, nor lie inside either
// (issue 11): a build would mix its outputs into its own inputs. Compared by real paths, so a
// symbolic link or a `..` does not hide it.
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

/** How the output folder clashes with an input folder. */
export interface OutFolderConflict {
  input: 'data' | 'templates';
  /** The input folder, as given. */
  folder: string;
  /** Inside it, rather than the folder itself. */
  inside: boolean;
}

/** How `outDir` clashes with the data or templates folder, or undefined when it does not. All are absolute. */
export async function findOutFolderConflict(outDir: string, dataDir: string, templatesDir?: string): Promise<OutFolderConflict | undefined> {
  const out = await realPathOf(outDir);
  for (const [input, folder] of [
    ['data', dataDir],
    ['templates', templatesDir],
  ] as const) {
    if (!folder) continue;
    const real = await realPathOf(folder);
    const rel = relative(real, out);
    const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    if (!outside) return { input, folder, inside: rel !== '' };
  }
  return undefined;
}

/** "is the data folder" or "is inside the templates folder /x/templates". */
export function describeConflict(conflict: OutFolderConflict, show: (path: string) => string = (p) => p): string {
  return conflict.inside ? `is inside the ${conflict.input} folder ${show(conflict.folder)}` : `is the ${conflict.input} folder`;
}

/** The real path of a folder that may not exist yet: its nearest existing parent's, with the rest appended. */
async function realPathOf(folder: string): Promise<string> {
  try {
    return await realpath(folder);
  } catch {
    const parent = dirname(folder);
    return parent === folder ? folder : join(await realPathOf(parent), basename(folder));
  }
}
