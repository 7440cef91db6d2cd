// A run's options as the manifest records them and the run hash covers them: what changes the
// outputs, not how fast they came.
import { relative, resolve, sep } from 'node:path';
import { describeAudience } from '../contracts/audience.js';
import type { ManifestOptions } from './manifest.js';
import type { BatchOptions, SettledOptions } from './options.js';

/**
 * Folders are relative to the output folder, so the manifest (and the zip that holds it) is the
 * same wherever the project is checked out.
 */
export function recordedOptions(o: SettledOptions<BatchOptions>): ManifestOptions {
  const fromOut = (folder: string) => relative(resolve(o.outDir), resolve(folder)).split(sep).join('/') || '.';
  return {
    data: fromOut(o.dataDir),
    templates: o.templatesDir ? fromOut(o.templatesDir) : '(bundled)',
    programmes: [...(o.programmes ?? [])].sort(),
    topics: [...(o.topics ?? [])].sort(),
    formats: [...(o.formats ?? [])].sort(),
    paper: o.paper,
    distribution: o.distribution,
    author: o.author,
    shard: o.shard ? `${o.shard.index}/${o.shard.count}` : undefined,
    zip: Boolean(o.zip),
    allowRemote: Boolean(o.allowRemote),
    ...(o.audiences?.length ? { audiences: o.audiences.map(describeAudience) } : {}),
    ...(o.forAudiences?.length ? { forAudiences: [...o.forAudiences].sort() } : {}),
  };
}

/**
 * The options that change what is printed, whatever the folders' places, the selection, the shard
 * or the zip: part of the plan's fingerprint, which shards of one plan share.
 */
export function printedOptions(recorded: ManifestOptions): Pick<ManifestOptions, 'paper' | 'distribution' | 'author' | 'allowRemote' | 'audiences'> {
  const { paper, distribution, author, allowRemote, audiences } = recorded;
  return { paper, distribution, author, allowRemote, audiences };
}

/** Whether two runs make documents alike (same data, templates, paper, markings, author, remote images), whatever each selected. */
export function madeAlike(a: ManifestOptions, b: ManifestOptions): boolean {
  const same = (['data', 'templates', 'paper', 'distribution', 'author', 'allowRemote'] as const).every((key) => a[key] === b[key]);
  return same && JSON.stringify(a.audiences ?? []) === JSON.stringify(b.audiences ?? []);
}
