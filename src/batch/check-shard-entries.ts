// What a set of shards holds, checked against the plan and the files before anything is written
// (issue 14, issue 20): every document the shards were asked to build is there, each entry is where
// the plan puts its key, and its file is what the entry says (sha256, size, pages, title), read
// from the file itself. A shard manifest is a claim: what `brief assemble` records comes from the
// plan and the files, so a changed entry is refused, naming its shard manifest and the entry.
import { readFile } from 'node:fs/promises';
import { decodeHTML } from 'entities';
import { isPrinted } from '../contracts/layouts.js';
import { UsageError } from '../errors.js';
import { sha256 } from './input-hash.js';
import type { ManifestFile } from './manifest.js';
import type { PlannedSpec } from './plan-audiences.js';
import type { PlanOnDisk } from './plan-on-disk.js';
import type { ShardDocument, ShardSet } from './read-shards.js';

/**
 * The plan's documents as the shards hold them, in plan order, and the keys of those `wanted` leaves
 * out (a --format build's); refuses in one line what is missing or what an entry misstates.
 */
export async function checkShardEntries(set: ShardSet, plan: readonly PlannedSpec[], wanted: ReadonlySet<string>, show: (file: string) => string): Promise<PlanOnDisk> {
  const missing = plan.filter((spec) => wanted.has(spec.key) && !set.documents.has(spec.key)).map((spec) => spec.key);
  if (missing.length > 0) throw new UsageError(describeMissing(missing, wanted.size, set));
  const specs = new Map(plan.map((spec) => [spec.key, spec]));
  for (const doc of set.documents.values()) {
    const spec = specs.get(doc.entry.key)!;
    if (!wanted.has(spec.key)) throw new UsageError(`${entryOf(doc)} lists ${spec.key}, which the shards' formats leave out: the shard manifest was changed; ${rebuild(doc)}`);
    const { entry } = doc;
    if (entry.path !== spec.outputPath) throw new UsageError(`${entryOf(doc)} puts ${spec.key} at ${entry.path}, where the plan puts it at ${spec.outputPath}: the shard manifest was changed; ${rebuild(doc)}`);
    if (entry.format !== spec.format || entry.subject.kind !== spec.subject.kind || entry.subject.id !== spec.subject.id) {
      throw new UsageError(`${entryOf(doc)} says ${spec.key} is the ${entry.format} of ${entry.subject.kind} ${entry.subject.id}, where the plan has the ${spec.format} of ${spec.subject.kind} ${spec.subject.id}: the shard manifest was changed; ${rebuild(doc)}`);
    }
  }
  const files = new Map<string, ManifestFile>();
  const docs = [...set.documents.values()];
  let next = 0;
  const worker = async () => {
    while (next < docs.length) {
      const doc = docs[next++]!;
      files.set(doc.entry.key, await readDocument(doc, specs.get(doc.entry.key)!, show));
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, docs.length) }, worker));
  return { files: plan.flatMap((spec) => files.get(spec.key) ?? []), missing: plan.filter((spec) => !files.has(spec.key)).map((spec) => spec.key) };
}

/** The entry as the file and the plan make it, once the file is found to be what the entry says. */
async function readDocument(doc: ShardDocument, spec: PlannedSpec, show: (file: string) => string): Promise<ManifestFile> {
  const { entry } = doc;
  const bytes = await readFile(doc.file).catch(() => undefined);
  if (!bytes) throw new UsageError(`${show(doc.file)} is missing: ${doc.from} lists it; ${rebuild(doc)}`);
  if (sha256(bytes) !== entry.sha256) {
    throw new UsageError(`${show(doc.file)} does not match the sha256 ${doc.from} records: damaged or changed since shard ${doc.shard.index} of ${doc.shard.count} was built; build that shard again`);
  }
  const own = isPrinted(spec.format) ? (await import('../pdf/index.js')).readPdfFacts(bytes) : htmlFacts(bytes);
  if (!own) throw new UsageError(`${show(doc.file)} holds no title or page count of its own: it is not a document this tool wrote; ${rebuild(doc)}`);
  const disagree = (what: string, said: unknown, is: unknown) =>
    new UsageError(`${entryOf(doc)} gives ${spec.key} the ${what} ${JSON.stringify(said)}, but ${show(doc.file)} has ${JSON.stringify(is)}: the shard manifest was changed; ${rebuild(doc)}`);
  if (entry.title !== own.title) throw disagree('title', entry.title, own.title);
  if (entry.pages !== own.pages) throw disagree('page count', entry.pages, own.pages);
  if (entry.bytes !== bytes.length) throw disagree('size', entry.bytes, bytes.length);
  // Built in the order a build writes it: the manifest an assembly writes is a build's, byte for byte.
  return { key: spec.key, subject: spec.subject, format: spec.format, path: spec.outputPath, title: own.title, pages: own.pages, bytes: bytes.length, sha256: entry.sha256, inputHash: entry.inputHash };
}

/** An HTML document's title, from its <title>; it has no pages. */
function htmlFacts(bytes: Uint8Array): { pages: number; title: string } | undefined {
  const title = /<title>([^<]*)<\/title>/.exec(Buffer.from(bytes).toString('utf8'))?.[1];
  return title === undefined ? undefined : { pages: 0, title: decodeHTML(title) };
}

const entryOf = (doc: ShardDocument) => `${doc.from}: files[${doc.at}]`;
const rebuild = (doc: ShardDocument) => `build shard ${doc.shard.index} of ${doc.shard.count} again`;

/** "missing: ..." naming the keys (the first ten) and the shards not given, or that their shards did not build them. */
function describeMissing(missing: string[], total: number, set: ShardSet): string {
  const given = new Set(set.given);
  const absent = Array.from({ length: set.count }, (_, i) => i + 1).filter((index) => !given.has(index));
  const keys = `${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`;
  const why =
    absent.length > 0
      ? `shard ${absent.join(', ')} of ${set.count} ${absent.length === 1 ? 'is' : 'are'} not among those given`
      : 'their shards did not build them: build those shards again without --programme, --topic or --audience';
  return `the shards hold ${total - missing.length} of the plan's ${total} documents; missing: ${keys} (${why})`;
}
