// shard-K-of-N.json: what a `--shard K/N` build writes instead of a pack, a zip and manifest.json
// (issue 14): the plan's fingerprint (its inputs and options by content), the whole plan's keys,
// and each of this shard's documents with its sha256, so `brief assemble` can check a set of shards.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { FORMATS } from '../contracts/layouts.js';
import type { Manifest, ManifestFile, ManifestOptions } from './manifest.js';
import type { Shard } from './shard.js';

/** What a shard manifest says it is, so that no other JSON passes for one. */
export const SHARD_KIND = 'briefing-press shard';

/** `shard-2-of-3.json`. */
export const shardManifestName = (shard: Shard) => `shard-${shard.index}-of-${shard.count}.json`;

/** Names a shard manifest may have. */
export const SHARD_NAME_PATTERN = /^shard-\d+-of-\d+\.json$/;

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

const ShardFile = Type.Object({
  key: Type.String({ minLength: 1 }),
  subject: Type.Object({ kind: Type.Union([Type.Literal('programme'), Type.Literal('topic')]), id: Type.String() }),
  format: Type.Union(FORMATS.map((f) => Type.Literal(f))),
  path: Type.String({ minLength: 1, pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$)).*$' }),
  title: Type.String(),
  pages: Type.Integer({ minimum: 0 }),
  bytes: Type.Integer({ minimum: 0 }),
  sha256: Sha256,
  inputHash: Type.String(),
});

/** The shape `brief assemble` checks a shard manifest against. */
export const ShardManifestSchema = Type.Object({
  kind: Type.Literal(SHARD_KIND),
  tool: Type.Object({ name: Type.String(), version: Type.String() }),
  shard: Type.Object({ index: Type.Integer({ minimum: 1 }), count: Type.Integer({ minimum: 1 }) }),
  fingerprint: Sha256,
  runHash: Type.Union([Type.String(), Type.Null()]),
  options: Type.Object({}, { additionalProperties: true }),
  plan: Type.Array(Type.String()),
  files: Type.Array(ShardFile),
  missing: Type.Optional(Type.Array(Type.String())),
});

/** One shard's record: its part of the plan as built. */
export interface ShardManifest extends Omit<Static<typeof ShardManifestSchema>, 'options' | 'files'> {
  options: ManifestOptions;
  files: ManifestFile[];
}

/** The shard manifest as written: stable key order and a trailing newline. */
export function serializeShardManifest(manifest: ShardManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The shard manifest an earlier build of this shard left, as a manifest its documents can be kept by; undefined if none. */
export async function readShardAsManifest(outDir: string, shard: Shard): Promise<Manifest | undefined> {
  try {
    const shardManifest = JSON.parse(await readFile(join(outDir, shardManifestName(shard)), 'utf8')) as ShardManifest;
    if (shardManifest.kind !== SHARD_KIND || !Array.isArray(shardManifest.files)) return undefined;
    const { tool, runHash, options, files, missing } = shardManifest;
    return { tool, runHash, options, files, ...(missing?.length ? { missing } : {}) };
  } catch {
    return undefined;
  }
}
