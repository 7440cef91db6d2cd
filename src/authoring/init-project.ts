// `brief init DIR`: a new briefing project that checks and builds at once (issue 6, item 1).
import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package.js';
import { BriefError, EXIT, UsageError } from '../errors.js';
import { DEFAULT_EXAMPLE, EXAMPLES, type ExampleName } from './examples.js';

/** The example projects `brief init` can start from: data, source texts, a config and a README. */
export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');

export interface InitOptions {
  /** Write into a folder that already holds files; the scaffold's own files are replaced. */
  force?: boolean;
  /** The example to start from (default: northvale). */
  example?: ExampleName;
}

/** What `brief init` wrote. */
export interface InitResult {
  dir: string;
  /** Every file written, relative to `dir`, with `/`. */
  files: string[];
}

/** The parts of the project and where each comes from. */
function scaffoldParts(example: ExampleName): { from: string; to: string }[] {
  return [
    { from: join(EXAMPLES_DIR, example), to: '.' },
    // A copy to customise: the config points `templates:` at it, and any file deleted there falls back to the bundled one.
    { from: join(PACKAGE_ROOT, 'templates'), to: 'templates' },
    // Data files name this schema in their first line, so editors can check them without the tool.
    { from: join(PACKAGE_ROOT, 'schema', 'data-file.schema.json'), to: 'schema/data-file.schema.json' },
  ];
}

async function isEmptyFolder(dir: string): Promise<boolean | 'missing' | 'file'> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return 'missing';
  if (!info.isDirectory()) return 'file';
  return (await readdir(dir)).length === 0;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Scaffolds a briefing project in `dir`; refuses a folder with files in it unless `force`. */
export async function initProject(dir: string, options: InitOptions = {}): Promise<InitResult> {
  const example = options.example ?? DEFAULT_EXAMPLE;
  if (!Object.hasOwn(EXAMPLES, example)) {
    throw new UsageError(`no example "${example}"; choose one of: ${Object.keys(EXAMPLES).join(', ')}`);
  }
  const target = resolve(dir);
  const state = await isEmptyFolder(target);
  if (state === 'file') throw new UsageError(`${dir} is a file, not a folder`);
  if (state === false && !options.force) {
    throw new UsageError(`${dir} is not empty; choose a new folder, or add --force to write the example project into it`);
  }
  const written = new Set<string>();
  try {
    await mkdir(target, { recursive: true });
    for (const part of scaffoldParts(example)) {
      const to = join(target, part.to);
      await cp(part.from, to, { recursive: true, force: true });
      const info = await stat(part.from);
      if (info.isDirectory()) for (const f of await listFiles(part.from)) written.add(part.to === '.' ? f : `${part.to}/${f}`);
      else written.add(part.to);
    }
    // Written here, not shipped in examples/: npm leaves .gitignore files out of a published package.
    const ignored = await writeFile(join(target, '.gitignore'), 'output/\nnode_modules/\n', { flag: 'wx' }).then(
      () => true,
      () => false, // --force into a folder with its own .gitignore: keep the user's.
    );
    if (ignored) written.add('.gitignore');
  } catch (cause) {
    throw new BriefError(`cannot write the project into ${dir}: ${(cause as Error).message}`, { exitCode: EXIT.output, cause });
  }
  return { dir: target, files: [...written].sort() };
}
