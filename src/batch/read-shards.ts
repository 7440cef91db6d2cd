// The shards `brief assemble` is given, read and checked as a set before anything is written
// (issue 14): each folder holds a shard manifest, all were built from one plan (same fingerprint,
// same split, same formats), and no document is in two of them. The first problem found is the
// error, in one line.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { UsageError } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import type { ManifestFile, ManifestOptions } from './manifest.js';
import { SHARD_KIND, SHARD_NAME_PATTERN, ShardManifestSchema, type ShardManifest } from './shard-manifest.js';

/** A document of the plan as a shard holds it. */
export interface ShardDocument {
  entry: ManifestFile;
  /** The file, absolute. */
  file: string;
  /** Its shard manifest, as messages show it. */
  from: string;
  /** Its place in that manifest's files. */
  at: number;
  shard: { index: number; count: number };
}

/** A whole set of shards of one plan. */
export interface ShardSet {
  fingerprint: string;
  count: number;
  /** The plan's keys, in plan order. */
  plan: string[];
  documents: Map<string, ShardDocument>;
  options: ManifestOptions;
  /** Shard manifests read, as messages show them. */
  manifests: string[];
  /** The index of each shard given. */
  given: number[];
}

interface ReadShard {
  manifest: ShardManifest;
  /** Its path, absolute. */
  file: string;
  shown: string;
}

const validate = new Ajv({ allErrors: false }).compile(ShardManifestSchema);

/**
 * Reads every shard manifest in `paths` (folders, or shard manifests themselves) and checks that
 * they are shards of one split of one plan, each document in one of them; what their entries say
 * is checked against the plan and the files by checkShardEntries (check-shard-entries.ts).
 */
export async function readShardSet(paths: readonly string[], cwd: string | undefined): Promise<ShardSet> {
  const show = (file: string) => displayPath(file, cwd);
  const files = (await Promise.all(paths.map((given) => findShardManifests(resolve(cwd ?? '', given), show)))).flat();
  const shards = await Promise.all(files.map((file) => readShard(file, show(file))));
  const [first] = shards;
  if (!first) throw new UsageError('brief assemble wants the folders of the shards, e.g. brief assemble out-1 out-2 out-3 --out output');
  const count = await checkOneSplit(shards);
  for (const shard of shards) {
    if (shard.manifest.fingerprint !== first.manifest.fingerprint) {
      const [theirs, ours] = [shard.manifest.fingerprint, first.manifest.fingerprint].map((f) => f.slice(0, 12));
      throw new UsageError(`${shard.shown} was built from other inputs or options than ${first.shown} (plan fingerprint ${theirs} against ${ours}): build every shard from the same data, templates, config and flags`);
    }
    if (JSON.stringify(shard.manifest.plan) !== JSON.stringify(first.manifest.plan)) {
      throw new UsageError(`${shard.shown} plans other documents than ${first.shown}, though both say they were built from the same inputs: build them again`);
    }
    const [theirs, ours] = [shard, first].map((s) => describeFormats(s.manifest.options.formats));
    if (theirs !== ours) throw new UsageError(`${shard.shown} was built with ${theirs}, ${first.shown} with ${ours}: build every shard with the same --format`);
  }
  const plan = first.manifest.plan;
  const inPlan = new Set(plan);
  const documents = new Map<string, ShardDocument>();
  for (const shard of shards) {
    for (const [at, entry] of shard.manifest.files.entries()) {
      if (!inPlan.has(entry.key)) throw new UsageError(`${shard.shown}: files[${at}] lists ${entry.key}, which its plan does not hold: it is not a shard manifest of this plan`);
      const seen = documents.get(entry.key);
      if (seen?.from === shard.shown) throw new UsageError(`${shard.shown}: files[${at}] lists ${entry.key} a second time: the shard manifest was changed or damaged; build shard ${shard.manifest.shard.index} of ${count} again`);
      if (seen) throw new UsageError(`${entry.key} is in two shards: ${seen.from} and ${shard.shown}; give each shard once`);
      documents.set(entry.key, { entry, file: join(dirname(shard.file), entry.path), from: shard.shown, at, shard: shard.manifest.shard });
    }
  }
  return { fingerprint: first.manifest.fingerprint, count, plan, documents, options: first.manifest.options, manifests: shards.map((s) => s.shown), given: shards.map((s) => s.manifest.shard.index) };
}

/** "all formats", or "--format brief --format html". */
export function describeFormats(formats: readonly string[] | undefined): string {
  return formats?.length ? [...new Set(formats)].map((f) => `--format ${f}`).join(' ') : 'all formats';
}

/**
 * The one split every shard is of; else names a shard manifest of another split as stale (issue 20):
 * the split most of them share wins, the newest manifest breaking a tie.
 */
async function checkOneSplit(shards: readonly ReadShard[]): Promise<number> {
  const counts = [...new Set(shards.map((s) => s.manifest.shard.count))];
  if (counts.length === 1) return counts[0]!;
  const times = await Promise.all(shards.map(async (s) => (await stat(s.file)).mtime));
  const of = (count: number) => shards.map((s, i) => ({ s, time: times[i]! })).filter(({ s }) => s.manifest.shard.count === count);
  const newest = (count: number) => Math.max(...of(count).map(({ time }) => time.getTime()));
  const [count] = counts.sort((a, b) => of(b).length - of(a).length || newest(b) - newest(a));
  const stale = shards.map((s, i) => ({ s, time: times[i]! })).find(({ s }) => s.manifest.shard.count !== count)!;
  const { index, count: split } = stale.s.manifest.shard;
  throw new UsageError(
    `${stale.s.shown} is shard ${index} of a split into ${split} (written ${stale.time.toISOString().slice(0, 16).replace('T', ' ')} UTC), the other shards are of a split into ${count}: it is stale; remove it, or build every shard of one --shard K/N split`,
  );
}

/** The shard manifests a path names: the file itself, or those in the folder. */
async function findShardManifests(path: string, show: (file: string) => string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`${show(path)}: no such folder; brief assemble wants the folders the shards were built into`);
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((name) => SHARD_NAME_PATTERN.test(name)).sort();
  if (names.length === 0) throw new UsageError(`${show(path)} holds no shard manifest (shard-K-of-N.json): build a shard into it with brief build --shard K/N --out ${show(path)}`);
  return names.map((name) => join(path, name));
}

async function readShard(file: string, shown: string): Promise<ReadShard> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${shown}: cannot read it (${error.code ?? error.message})`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${shown} is not a shard manifest: it is not JSON (${(error as Error).message})`);
  }
  if ((value as { kind?: unknown } | null)?.kind !== SHARD_KIND) {
    throw new UsageError(`${shown} is not a shard manifest: it does not say "kind": "${SHARD_KIND}"; shard manifests are written by brief build --shard K/N`);
  }
  if (!validate(value)) {
    const error = validate.errors?.[0];
    throw new UsageError(`${shown} is not a shard manifest: ${error?.instancePath || '(top)'} ${error?.message ?? 'is not valid'}; it may be damaged: build the shard again`);
  }
  const manifest = value as unknown as ShardManifest;
  const { index, count } = manifest.shard;
  if (index > count) throw new UsageError(`${shown} is not a shard manifest: it says shard ${index} of ${count}`);
  if (manifest.runHash === null) throw new UsageError(`${shown}: shard ${index} of ${count} did not finish (documents failed or it was stopped); build it again`);
  return { manifest, file, shown };
}
