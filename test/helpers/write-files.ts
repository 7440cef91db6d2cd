// A folder of small files for a test (a templates folder with its labels, say), written from a map
// of relative paths to their text.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes each of `files` (relative path -> text) under `root`, making folders as needed; returns `root`. */
export async function writeFiles(root: string, files: Record<string, string>): Promise<string> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}
