// The output folder may not be the data folder or the templates folder in use (the bundled one
// too), nor lie inside either, nor hold either (issues 11 and 20): a build would mix its outputs
// into its own inputs, or write over the tool's own templates. Compared by real paths (of the
// nearest existing parent, for a folder not made yet), so a symbolic link or a `..` hides nothing.
import { readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** How the output folder clashes with an input folder. */
export interface OutFolderConflict {
  input: 'data' | 'templates';
  /** The input folder, as given. */
  folder: string;
  /** The output folder is the input folder, lies inside it, or holds it. */
  relation: 'is' | 'inside' | 'contains';
  /** The input is the templates bundled with the tool (no --templates given). */
  bundled: boolean;
}

/** The input folders a run reads: `templatesBundled` when the templates folder is the tool's own. */
export interface InputFolders {
  dataDir: string;
  templatesDir: string;
  templatesBundled: boolean;
}

/** How `outDir` clashes with the data or templates folder, or undefined when it does not. All are absolute. */
export async function findOutFolderConflict(outDir: string, inputs: InputFolders): Promise<OutFolderConflict | undefined> {
  const out = await realPathOf(outDir);
  for (const [input, folder, bundled] of [
    ['data', inputs.dataDir, false],
    ['templates', inputs.templatesDir, inputs.templatesBundled],
  ] as const) {
    const real = await realPathOf(folder);
    const relation = relationOf(out, real);
    if (relation) return { input, folder, relation, bundled };
  }
  return undefined;
}

function relationOf(out: string, input: string): OutFolderConflict['relation'] | undefined {
  if (out === input) return 'is';
  if (isWithin(out, input)) return 'inside';
  if (isWithin(input, out)) return 'contains';
  return undefined;
}

/** True when `inner` lies below `outer`. */
function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** "is the data folder", "is inside the templates folder /x/templates", "holds the bundled templates folder /y". */
export function describeConflict(conflict: OutFolderConflict, show: (path: string) => string = (p) => p): string {
  const name = `${conflict.bundled ? 'bundled ' : ''}${conflict.input} folder`;
  if (conflict.relation === 'is') return conflict.bundled ? `is the ${name} ${show(conflict.folder)}` : `is the ${name}`;
  return `${conflict.relation === 'inside' ? 'is inside' : 'holds'} the ${name} ${show(conflict.folder)}`;
}

/**
 * The real path of a folder that may not exist yet: its nearest existing parent's, with the rest
 * appended; a link whose target is not there yet is followed to where that target would be.
 */
async function realPathOf(folder: string, links = 0): Promise<string> {
  try {
    return await realpath(folder);
  } catch {
    const target = links < 40 ? await readlink(folder).catch(() => undefined) : undefined;
    if (target !== undefined) return realPathOf(resolve(dirname(folder), target), links + 1);
    const parent = dirname(folder);
    return parent === folder ? folder : join(await realPathOf(parent, links), basename(folder));
  }
}
