// The shards `brief assemble` is given, read and checked as a set before anything is written
// (issue 14): each folder holds a shard manifest, all were built from one plan (same fingerprint,
// same split), every document of the plan is there exactly once, and each file is what its shard
// recorded. The first problem found is the error, in one line.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { UsageError } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import { sha256 } from './input-hash.js';
import type { ManifestFile, ManifestOptions } from './manifest.js';
import { SHARD_KIND, SHARD_NAME_PATTERN, ShardManifestSchema, type ShardManifest } from './shard-manifest.js';

/** A document of the plan as a shard holds it. */
export interface ShardDocument {
  entry: ManifestFile;
  /** The file, absolute. */
  file: string;
  /** Its shard manifest, as messages show it. */
  from: string;
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
}

interface ReadShard {
  manifest: ShardManifest;
  /** Its path, absolute. */
  file: string;
  shown: string;
}

const validate = new Ajv({ allErrors: false }).compile(ShardManifestSchema);

/** Reads every shard manifest in `paths` (folders, or shard manifests themselves) and checks the set. */
export async function readShardSet(paths: readonly string[], cwd: string | undefined): Promise<ShardSet> {
  const show = (file: string) => displayPath(file, cwd);
  const files = (await Promise.all(paths.map((given) => findShardManifests(resolve(cwd ?? '', given), show)))).flat();
  const shards = await Promise.all(files.map((file) => readShard(file, show(file))));
  const [first] = shards;
  if (!first) throw new UsageError('brief assemble wants the folders of the shards, e.g. brief assemble out-1 out-2 out-3 --out output');
  const { count } = first.manifest.shard;
  for (const shard of shards) {
    const { index, count: of } = shard.manifest.shard;
    if (of !== count) throw new UsageError(`${shard.shown} is shard ${index} of ${of}, ${first.shown} one of ${count}: assemble the shards of one --shard K/N split`);
    if (shard.manifest.fingerprint !== first.manifest.fingerprint) {
      const [theirs, ours] = [shard.manifest.fingerprint, first.manifest.fingerprint].map((f) => f.slice(0, 12));
      throw new UsageError(`${shard.shown} was built from other inputs or options than ${first.shown} (plan fingerprint ${theirs} against ${ours}): build every shard from the same data, templates, config and flags`);
    }
    if (JSON.stringify(shard.manifest.plan) !== JSON.stringify(first.manifest.plan)) {
      throw new UsageError(`${shard.shown} plans other documents than ${first.shown}, though both say they were built from the same inputs: build them again`);
    }
  }
  const plan = first.manifest.plan;
  const inPlan = new Set(plan);
  const documents = new Map<string, ShardDocument>();
  for (const shard of shards) {
    for (const entry of shard.manifest.files) {
      if (!inPlan.has(entry.key)) throw new UsageError(`${shard.shown} lists ${entry.key}, which its plan does not hold: it is not a shard manifest of this plan`);
      const seen = documents.get(entry.key);
      if (seen) throw new UsageError(`${entry.key} is in two shards: ${seen.from} and ${shard.shown}; give each shard once`);
      documents.set(entry.key, { entry, file: join(dirname(shard.file), entry.path), from: shard.shown });
    }
  }
  const missing = plan.filter((key) => !documents.has(key));
  if (missing.length > 0) throw new UsageError(describeMissing(missing, plan.length, shards, count));
  await checkDocuments(documents, shards, show);
  return { fingerprint: first.manifest.fingerprint, count, plan, documents, options: first.manifest.options, manifests: shards.map((s) => s.shown) };
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

/** "missing: ..." naming the keys (the first ten) and the shards not given, or that their shards did not build them. */
function describeMissing(missing: string[], total: number, shards: readonly ReadShard[], count: number): string {
  const given = new Set(shards.map((s) => s.manifest.shard.index));
  const absent = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !given.has(index));
  const keys = `${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`;
  const why =
    absent.length > 0
      ? `shard ${absent.join(', ')} of ${count} ${absent.length === 1 ? 'is' : 'are'} not among those given`
      : 'their shards did not build them: build those shards again without --programme, --topic, --format or --audience';
  return `the shards hold ${total - missing.length} of the plan's ${total} documents; missing: ${keys} (${why})`;
}

/** Every document's file is there with the sha256 its shard recorded; read a few at a time. */
async function checkDocuments(documents: ReadonlyMap<string, ShardDocument>, shards: readonly ReadShard[], show: (file: string) => string): Promise<void> {
  const all = [...documents.values()];
  const shardOf = new Map(shards.map((s) => [s.shown, s.manifest.shard]));
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const doc = all[next++]!;
      const { index, count } = shardOf.get(doc.from)!;
      const bytes = await readFile(doc.file).catch(() => undefined);
      if (!bytes) throw new UsageError(`${show(doc.file)} is missing: ${doc.from} lists it; build shard ${index} of ${count} again`);
      if (sha256(bytes) !== doc.entry.sha256) {
        throw new UsageError(`${show(doc.file)} does not match the sha256 ${doc.from} records: damaged or changed since shard ${index} of ${count} was built; build that shard again`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, all.length) }, worker));
}
