// Reading templates is the renderer's only file I/O; everything after works on the strings read here.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { TemplateError, UsageError } from '../errors.js';
import { BUNDLED_TEMPLATES } from '../package.js';
import { assertLabelsDrawable } from './check-labels-drawable.js';
import { Labels, overrideLabels, type LabelEntry } from './labels.js';
import { parseLabelsFile, textHash } from './labels-cache.js';
import { LANGUAGES_FOLDER, sameLabel } from './label-languages.js';
import { refuseNavigation } from './refuse-navigation.js';

/** One template file as read: its name (file name without extension) and where it came from. */
export interface TemplateFile {
  name: string;
  /** The path it was read from, for error messages. */
  file: string;
  source: string;
}

/**
 * Every template file, read in once and checked alike: what `createRenderer` and `renderShell`
 * take, the pack's front matter included.
 */
export interface TemplateSet {
  /** `layouts/*.hbs`, by name: `brief`, `one-pager`. */
  layouts: Record<string, TemplateFile>;
  /** `partials/*.hbs`, by name. */
  partials: Record<string, TemplateFile>;
  /** `styles/*.css`, in file-name order. */
  styles: TemplateFile[];
  /** `pack/*.hbs`, by name: the pack's `cover` and `contents`. */
  pack: Record<string, TemplateFile>;
  /** `pack/*.css`, in file-name order: the front matter's own styles. */
  packStyles: TemplateFile[];
  /** `labels.yaml`: every word the documents, the pack's front matter and the charts print. */
  labels: Labels;
}

/** The labels file of a templates folder. */
export const LABELS_FILE = 'labels.yaml';

const KINDS = [
  ['layouts', '.hbs'],
  ['partials', '.hbs'],
  ['styles', '.css'],
  ['pack', '.hbs'],
  ['pack', '.css'],
] as const;

/** The pack templates a set must have (the bundled set always does). */
const PACK_TEMPLATES = ['cover', 'contents', 'changes'] as const;

/** The templates bundled with the tool: the `templates/` folder next to package.json. */
export function bundledTemplatesDir(): string {
  return BUNDLED_TEMPLATES;
}

/** A link may not bring in a file from outside the templates folder (issue 5: paths cannot escape). */
function assertInside(dir: string, file: string, root = realpathSync(dir)): void {
  const real = realpathSync(file);
  if (relative(root, real).startsWith('..') || isAbsolute(relative(root, real))) {
    throw new TemplateError(`${file} is a link to ${real}, outside the templates folder ${dir}`);
  }
}

function readFolder(dir: string, kind: string, ext: string): TemplateFile[] {
  const folder = join(dir, kind);
  if (!existsSync(folder)) return [];
  const root = realpathSync(dir);
  return readdirSync(folder)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => {
      const file = join(folder, f);
      assertInside(dir, file, root);
      const source = readFileSync(file, 'utf8');
      if (ext === '.hbs') refuseNavigation(file, source);
      return { name: f.slice(0, -ext.length), file, source };
    });
}

/**
 * Reads `layouts/`, `partials/` and `styles/` from `dir`; with `fallbackDir`, any file missing
 * from `dir` is taken from there, so a user's folder can override single files (issue 6).
 */
export function readTemplateSet(dir: string, fallbackDir?: string): TemplateSet {
  // A mistyped folder must not fall back to the bundled templates in silence.
  if (!existsSync(dir)) throw new UsageError(`templates folder not found: ${dir}`);
  // The bundled folder given as the folder itself is read once, not laid over itself.
  const folders = fallbackDir && resolve(fallbackDir) !== resolve(dir) ? [resolve(fallbackDir), resolve(dir)] : [resolve(dir)];
  const set: Omit<TemplateSet, 'labels'> = { layouts: {}, partials: {}, styles: [], pack: {}, packStyles: [] };
  const styles = new Map<string, TemplateFile>();
  const packStyles = new Map<string, TemplateFile>();
  for (const folder of folders) {
    for (const [kind, ext] of KINDS) {
      for (const file of readFolder(folder, kind, ext)) {
        if (kind === 'styles') styles.set(file.name, file);
        else if (kind === 'pack' && ext === '.css') packStyles.set(file.name, file);
        else set[kind][file.name] = file;
      }
    }
  }
  const inOrder = (found: Map<string, TemplateFile>) => [...found.keys()].sort().map((name) => found.get(name)!);
  set.styles = inOrder(styles);
  set.packStyles = inOrder(packStyles);
  if (Object.keys(set.layouts).length === 0) {
    throw new TemplateError(`no layouts in ${join(folders.at(-1) ?? dir, 'layouts')}`);
  }
  for (const name of PACK_TEMPLATES) {
    if (!set.pack[name]) throw new TemplateError(`the pack template ${name}.hbs is missing from ${join(folders.at(-1) ?? dir, 'pack')}`);
  }
  return { ...set, labels: readLabels(folders) };
}

/** The first folder's labels file (the bundled one: it names every label), each later one laid over it key by key. */
function readLabels(folders: string[]): Labels {
  let entries: Map<string, LabelEntry> | undefined;
  let first = '';
  // The hash of the English text while it is the bundled file's alone (labels-cache.ts).
  let englishHash: string | undefined;
  const reworded = new Set<string>();
  for (const folder of folders) {
    const file = join(folder, LABELS_FILE);
    if (!existsSync(file)) continue;
    assertInside(folder, file);
    const source = readFileSync(file, 'utf8');
    const read = parseLabelsFile(place(folder), file, source, entries && { entries });
    if (entries) {
      // A copy of the bundled file (as `brief init` makes) re-words nothing: only changed labels win over a translation.
      for (const [key, entry] of read) if (!sameLabel(entry.value, entries.get(key)?.value ?? '')) reworded.add(key);
      entries = overrideLabels(entries, read);
      englishHash = undefined;
    } else {
      [entries, first] = [read, file];
      englishHash = place(folder).bundled ? textHash(source) : undefined;
    }
  }
  if (!entries) throw new TemplateError(`no ${LABELS_FILE} in ${folders.at(-1)}`);
  const languages = readLanguages(folders, { entries, ...(englishHash ? { hash: englishHash } : {}) });
  assertLabelsDrawable(entries, languages);
  return new Labels(entries, first, languages, reworded);
}

/** Each folder's `languages/<tag>.yaml`, a later folder's laid over an earlier one's key by key. */
function readLanguages(folders: string[], english: { entries: Map<string, LabelEntry>; hash?: string }): Map<string, Map<string, LabelEntry>> {
  const languages = new Map<string, Map<string, LabelEntry>>();
  for (const folder of folders) {
    const dir = join(folder, LANGUAGES_FOLDER);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      const file = join(dir, name);
      assertInside(folder, file);
      const tag = name.slice(0, -'.yaml'.length).toLowerCase();
      // Checked against the English file: a key it does not have, or a placeholder it does not take, is refused at its line.
      const read = parseLabelsFile(place(folder), file, readFileSync(file, 'utf8'), english);
      const checked = overrideLabels(english.entries, read);
      const own = languages.get(tag) ?? new Map<string, LabelEntry>();
      for (const key of read.keys()) own.set(key, checked.get(key)!);
      languages.set(tag, own);
    }
  }
  return languages;
}

/** A templates folder, and whether it is the bundled one. */
function place(folder: string): { path: string; bundled: boolean } {
  return { path: folder, bundled: folder === resolve(BUNDLED_TEMPLATES) };
}
