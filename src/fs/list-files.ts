import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Every file under a folder, sorted, skipping dot-files and dot-folders (editor swap files, .git).
 * The data loader, the build's change detection and the watchers all see the same files.
 */
export async function listFiles(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !relative(folder, path).split(sep).some((part) => part.startsWith('.')))
    .sort();
}
