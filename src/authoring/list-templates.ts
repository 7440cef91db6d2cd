// What `brief templates` shows: every template file, and whether the user's folder or the bundled one supplies it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The template folders the tool reads; `pack/` holds the briefing pack's cover, contents and styles. */
export const TEMPLATE_FOLDERS = ['layouts', 'partials', 'styles', 'pack'] as const;
export type TemplateFolder = (typeof TEMPLATE_FOLDERS)[number];

/** Where one template file comes from. */
export const TEMPLATE_STATUS = {
  /** Only in the bundled set. */
  bundled: 'bundled',
  /** The user's file replaces the bundled one and differs from it. */
  overridden: 'overridden',
  /** The user's file replaces the bundled one but is still identical to it (as `brief init` copies them). */
  unchanged: 'unchanged copy',
  /** The user's file has no bundled counterpart (a new partial, say). */
  added: 'added',
} as const;
export type TemplateStatus = (typeof TEMPLATE_STATUS)[keyof typeof TEMPLATE_STATUS];

/** One template file the renderer will use. */
export interface TemplateEntry {
  /** The path inside a templates folder, with `/`: `partials/title-block.hbs`. */
  path: string;
  folder: TemplateFolder;
  /** `user` where the user's templates folder supplies it. */
  origin: 'user' | 'bundled';
  status: TemplateStatus;
  /** The absolute path of the file used. */
  file: string;
}

const TEMPLATE_FILE = /\.(hbs|css)$/;

function filesIn(root: string, folder: TemplateFolder): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && TEMPLATE_FILE.test(e.name))
    .map((e) => e.name);
}

/** Every template file, by folder then name; the user's folder wins over the bundled one file by file. */
export function listTemplates(userDir: string | undefined, bundledDir: string): TemplateEntry[] {
  const bundled = resolve(bundledDir);
  const user = userDir && resolve(userDir) !== bundled ? resolve(userDir) : undefined;
  const entries: TemplateEntry[] = [];
  for (const folder of TEMPLATE_FOLDERS) {
    const own = new Set(user ? filesIn(user, folder) : []);
    const theirs = new Set(filesIn(bundled, folder));
    for (const name of [...new Set([...theirs, ...own])].sort()) {
      const path = `${folder}/${name}`;
      if (!own.has(name)) {
        entries.push({ path, folder, origin: 'bundled', status: TEMPLATE_STATUS.bundled, file: join(bundled, folder, name) });
        continue;
      }
      const file = join(user!, folder, name);
      const status = !theirs.has(name)
        ? TEMPLATE_STATUS.added
        : readFileSync(file).equals(readFileSync(join(bundled, folder, name)))
          ? TEMPLATE_STATUS.unchanged
          : TEMPLATE_STATUS.overridden;
      entries.push({ path, folder, origin: 'user', status, file });
    }
  }
  return entries;
}
