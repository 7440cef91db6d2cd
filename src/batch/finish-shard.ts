// The end of a `--shard K/N` build (issue 14): its documents and shard-K-of-N.json, never a pack,
// a zip or manifest.json, which only the whole plan can make (`brief assemble`).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ManifestFile, ManifestOptions } from './manifest.js';
import type { BatchResult, RunReport } from './result.js';
import type { OpenOutput } from './open-output.js';
import type { PlannedSpec } from './plan-audiences.js';
import { selectShard, type Shard } from './shard.js';
import { serializeShardManifest, SHARD_KIND, SHARD_NAME_PATTERN, shardManifestName, type ShardManifest } from './shard-manifest.js';
import { findPlanOnDisk } from './plan-on-disk.js';

export interface ShardEnd {
  output: OpenOutput;
  shard: Shard;
  /** The whole plan: the shard manifest lists its keys, and records the documents of this shard's part. */
  plan: readonly PlannedSpec[];
  done: ReadonlyMap<string, ManifestFile>;
  kept: ReadonlyMap<string, ManifestFile>;
  tool: { name: string; version: string };
  options: ManifestOptions;
  fingerprint: string;
  /** Null when documents failed: the next build of the shard is no no-op. */
  runHash: string | null;
  warn(text: string): void;
}

/** Writes the shard manifest of what is there of this shard's part, and says what the run did. */
export async function finishShard(end: ShardEnd, report: RunReport): Promise<BatchResult> {
  const { output, shard } = end;
  const record = await findPlanOnDisk(selectShard(end.plan, shard), end.done, end.kept, output.verifier);
  const name = shardManifestName(shard);
  const manifest: ShardManifest = {
    kind: SHARD_KIND,
    tool: end.tool,
    shard: { index: shard.index, count: shard.count },
    fingerprint: end.fingerprint,
    runHash: end.runHash,
    options: end.options,
    plan: end.plan.map((spec) => spec.key),
    files: record.files,
    ...(record.missing.length > 0 ? { missing: record.missing } : {}),
  };
  await output.writer.write(name, serializeShardManifest(manifest));
  // A shard manifest of another split in this folder is stale (issue 20): assembled, it would clash with this one.
  for (const stale of (await readdir(output.outDir)).filter((n) => SHARD_NAME_PATTERN.test(n) && !n.endsWith(`-of-${shard.count}.json`)).sort()) {
    await rm(join(output.outDir, stale), { force: true });
    end.warn(`removed ${stale}: a shard manifest of another split than ${shard.count}, left by an earlier build into this folder`);
  }
  // Those of formats --format leaves out are not wanted: the shards assemble as a build with those formats (issue 20).
  const formats = new Set(end.options.formats);
  const formatOf = new Map(end.plan.map((spec) => [spec.key, spec.format]));
  const unbuilt = record.missing.filter((key) => formats.size === 0 || formats.has(formatOf.get(key)!));
  if (end.runHash && unbuilt.length > 0) {
    const n = unbuilt.length;
    end.warn(`${name}: ${n === 1 ? '1 document' : `${n} documents`} of shard ${shard.index} of ${shard.count} not built; brief assemble needs every one: run brief build --shard ${shard.index}/${shard.count} without --programme, --topic or --audience`);
  }
  const built = report.documents.filter((d) => !d.skipped).length;
  return {
    outDir: output.outDir,
    documents: report.documents,
    built,
    skipped: report.documents.length - built,
    noop: false,
    browsersStarted: report.browsersStarted(),
    shard: { manifest: name, documents: record.files.length, plan: end.plan.length },
    manifestPath: join(output.outDir, name),
    warnings: report.warnings,
    ms: performance.now() - report.started,
    stages: { ...report.stages, ended: Math.round(performance.now() - report.started) },
  };
}
