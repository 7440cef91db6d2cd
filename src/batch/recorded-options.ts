// A run's options as the manifest records them and the run hash covers them: what changes the
// outputs, not how fast they came.
import { relative, resolve, sep } from 'node:path';
import { DEFAULT_PAPER } from '../contracts/paper.js';
import type { ManifestOptions } from './manifest.js';
import type { BatchOptions } from './options.js';

/**
 * Folders are relative to the output folder, so the manifest (and the zip that holds it) is the
 * same wherever the project is checked out.
 */
export function recordedOptions(o: BatchOptions): ManifestOptions {
  const fromOut = (folder: string) => relative(resolve(o.outDir), resolve(folder)).split(sep).join('/') || '.';
  return {
    data: fromOut(o.dataDir),
    templates: o.templatesDir ? fromOut(o.templatesDir) : '(bundled)',
    programmes: [...(o.programmes ?? [])].sort(),
    topics: [...(o.topics ?? [])].sort(),
    formats: [...(o.formats ?? [])].sort(),
    paper: o.paper ?? DEFAULT_PAPER,
    distribution: o.distribution,
    author: o.author,
    shard: o.shard ? `${o.shard.index}/${o.shard.count}` : undefined,
    zip: Boolean(o.zip),
    allowRemote: Boolean(o.allowRemote),
  };
}

/** Whether two runs make documents alike (same data, templates, paper, marking, author, remote images), whatever each selected. */
export function madeAlike(a: ManifestOptions, b: ManifestOptions): boolean {
  return (['data', 'templates', 'paper', 'distribution', 'author', 'allowRemote'] as const).every((key) => a[key] === b[key]);
}
