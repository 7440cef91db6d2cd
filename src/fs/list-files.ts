// What a folder holds, as the data loader, the build's change detection and the watchers see it.
import { accessSync, constants, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
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
 * Symbolic links are followed where they lead inside the folder: a link to a file is listed at the
 * link, with the file it names, so that a reader can take each file once; a link to a folder that
 * is read anyway adds nothing. A link out of the folder, to nothing or to a folder holding it, a
 * pipe or device, and a file or folder that cannot be read, are problems, and the rest is listed.
 * The calls are synchronous: for a data folder's few dozen files that took ~1 ms where the
 * promise-based ones took 3-10 ms, on the path of every no-op build.
 */
export async function listFolder(folder: string): Promise<FolderListing> {
  const root = resolve(folder);
  const listing: FolderListing = { files: [], problems: [] };
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch {
    return listing;
  }
  walk(root, rootReal, { rootReal, listing, walked: new Set([rootReal]) });
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

function walk(dir: string, dirReal: string, w: Walk): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    w.listing.problems.push({ kind: 'unreadable', path: dir, isFolder: true, code: codeOf(error) });
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isFile()) addFile(path, join(dirReal, e.name), false, w);
    else if (e.isDirectory()) walk(path, join(dirReal, e.name), w);
    else if (e.isSymbolicLink()) followLink(path, dirReal, w);
    // A pipe, socket or device: reading one could block for ever.
    else w.listing.problems.push({ kind: 'special', path });
  }
}

function addFile(path: string, real: string, viaLink: boolean, w: Walk): void {
  // Checked here so that no reader of the listing fails on a file it cannot open.
  try {
    accessSync(path, constants.R_OK);
    w.listing.files.push({ path, real, viaLink });
  } catch (error) {
    w.listing.problems.push({ kind: 'unreadable', path, isFolder: false, code: codeOf(error) });
  }
}

function followLink(path: string, dirReal: string, w: Walk): void {
  const { problems } = w.listing;
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ELOOP') problems.push({ kind: 'loop', path });
    else if (code === 'ENOENT' || code === 'ENOTDIR') problems.push({ kind: 'dangling', path, target: readTarget(path) });
    else problems.push({ kind: 'unreadable', path, isFolder: false, code });
    return;
  }
  const info = statSync(real, { throwIfNoEntry: false });
  if (!info) {
    problems.push({ kind: 'dangling', path, target: real });
  } else if (!isWithin(w.rootReal, real)) {
    problems.push({ kind: 'outside', path, isFolder: info.isDirectory(), target: real });
  } else if (info.isFile()) {
    addFile(path, real, true, w);
  } else if (!info.isDirectory()) {
    problems.push({ kind: 'special', path });
  } else if (isWithin(real, dirReal)) {
    problems.push({ kind: 'loop', path, target: real });
  } else if (hasDotPart(relative(w.rootReal, real)) && !w.walked.has(real)) {
    // A folder outside dot-folders is read anyway, under its own path; one inside them, here.
    w.walked.add(real);
    walk(path, real, w);
  }
}

function readTarget(link: string): string {
  try {
    return readlinkSync(link);
  } catch {
    return '?';
  }
}

/** True when `inner` is `outer` or lies below it. */
export function isWithin(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

function hasDotPart(rel: string): boolean {
  return rel.split(sep).some((part) => part.startsWith('.'));
}

export function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
