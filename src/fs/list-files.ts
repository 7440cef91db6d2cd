// What a folder holds, as the data loader, the build's change detection and the watchers see it.
import { access, constants, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** A file found under a folder. */
export interface ListedFile {
  /** Where it was found: a symbolic link's own path when reached through one. */
  path: string;
  /** The file itself, every link resolved. */
  real: string;
  viaLink: boolean;
}

/** Something under the folder that hides files: each kind is worded by the caller. */
export type ListingProblem =
  | { kind: 'unreadable'; path: string; isFolder: boolean; code: string }
  | { kind: 'outside'; path: string; isFolder: boolean; target: string }
  | { kind: 'dangling'; path: string; target: string }
  | { kind: 'loop'; path: string; target?: string }
  | { kind: 'special'; path: string };

export interface FolderListing {
  files: ListedFile[];
  problems: ListingProblem[];
}

/**
 * Every file under a folder, sorted, skipping dot-files and dot-folders (editor swap files, .git).
 * Symbolic links are followed where they lead inside the folder; a link to a folder that is read
 * anyway adds nothing, so each file is met once under its own path. A link out of the folder, to
 * nothing or to a folder holding it, and a file or folder that cannot be read, are problems, and
 * the rest is still listed.
 */
export async function listFolder(folder: string): Promise<FolderListing> {
  const root = resolve(folder);
  const rootReal = await realpath(root).catch(() => undefined);
  const listing: FolderListing = { files: [], problems: [] };
  if (rootReal === undefined) return listing;
  await walk(root, rootReal, { rootReal, listing, walked: new Set([rootReal]) });
  listing.files.sort((a, b) => compare(a.path, b.path));
  listing.problems.sort((a, b) => compare(a.path, b.path));
  return listing;
}

/** The paths of every file listFolder finds. */
export async function listFiles(folder: string): Promise<string[]> {
  return (await listFolder(folder)).files.map((f) => f.path);
}

interface Walk {
  rootReal: string;
  listing: FolderListing;
  /** Folders already read, by real path: each is read once. */
  walked: Set<string>;
}

async function walk(dir: string, dirReal: string, w: Walk): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    w.listing.problems.push({ kind: 'unreadable', path: dir, isFolder: true, code: codeOf(error) });
    return;
  }
  await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => {
        const path = join(dir, e.name);
        if (e.isFile()) return addFile(path, join(dirReal, e.name), false, w);
        if (e.isDirectory()) return walk(path, join(dirReal, e.name), w);
        if (e.isSymbolicLink()) return followLink(path, dirReal, w);
        // A pipe, socket or device: reading one could block for ever.
        w.listing.problems.push({ kind: 'special', path });
        return undefined;
      }),
  );
}

async function addFile(path: string, real: string, viaLink: boolean, w: Walk): Promise<void> {
  // Checked here so that no reader of the listing fails on a file it cannot open.
  try {
    await access(path, constants.R_OK);
    w.listing.files.push({ path, real, viaLink });
  } catch (error) {
    w.listing.problems.push({ kind: 'unreadable', path, isFolder: false, code: codeOf(error) });
  }
}

async function followLink(path: string, dirReal: string, w: Walk): Promise<void> {
  const { problems } = w.listing;
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ELOOP') problems.push({ kind: 'loop', path });
    else if (code === 'ENOENT' || code === 'ENOTDIR') problems.push({ kind: 'dangling', path, target: await readlink(path).catch(() => '?') });
    else problems.push({ kind: 'unreadable', path, isFolder: false, code });
    return;
  }
  const info = await stat(real).catch(() => undefined);
  if (!info) {
    problems.push({ kind: 'dangling', path, target: real });
  } else if (!isWithin(w.rootReal, real)) {
    problems.push({ kind: 'outside', path, isFolder: info.isDirectory(), target: real });
  } else if (info.isFile()) {
    await addFile(path, real, true, w);
  } else if (!info.isDirectory()) {
    problems.push({ kind: 'special', path });
  } else if (isWithin(real, dirReal)) {
    problems.push({ kind: 'loop', path, target: real });
  } else if (hasDotPart(relative(w.rootReal, real)) && !w.walked.has(real)) {
    // A folder outside dot-folders is read anyway, under its own path; one inside them, here.
    w.walked.add(real);
    await walk(path, real, w);
  }
}

/** True when `inner` is `outer` or lies below it. */
function isWithin(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

function hasDotPart(rel: string): boolean {
  return rel.split(sep).some((part) => part.startsWith('.'));
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
