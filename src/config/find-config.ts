import { lstatSync } from 'node:fs';
import path from 'node:path';

/** The names a config file may have, in the order they are looked for in each folder. */
export const CONFIG_NAMES = ['brief.config.json', 'brief.config.yaml', 'brief.config.yml', 'brief.config.js', 'brief.config.mjs'] as const;

/** The nearest config file from `from` up to the file system's root, if any. */
export function findConfig(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      // lstat, not exists: a config that is a link to nothing is reported, not passed over.
      if (lstatSync(candidate, { throwIfNoEntry: false })) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
