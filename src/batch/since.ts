// `brief build --since OLD` (issue 22): the earlier edition a build is compared with, read once per
// run before anything is written, and what each document is told of it: its edition, and the
// changes among the facts it draws on.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { DocumentSpec } from '../contracts/document.js';
import type { Change, Edition, FactRecord, SinceEdition } from '../contracts/editions.js';
import { recordsOfFacts } from '../documents/facts-as-records.js';
import { sinceClaims, withSince } from '../documents/since-view.js';
import type { DocumentView } from '../documents/view-types.js';
import { BriefError, UsageError } from '../errors.js';
import type { Facts } from '../facts/facts.js';

/** The edition a build is compared with, as read. */
export interface Baseline {
  edition: Edition;
  /** What this build's documents, manifest and facts.json carry: its number and the baseline's date. */
  since: SinceEdition;
  /** The baseline's facts, hashed: part of the run hash, so a changed baseline rebuilds what it changes. */
  digest: string;
  /** The changes among the records a document draws on (src/editions, loaded only for a build with --since). */
  changesOf(documentKey: string, records: readonly FactRecord[], cited: readonly string[]): Change[];
}

/** What the HTML stage is told of the baseline: how a document's view gains its edition and changes. */
export interface SinceStage {
  /** `rebuild` builds the view again citing some claims first (the part's, read before the rest). */
  applyTo(view: DocumentView, spec: DocumentSpec, facts: Facts, rebuild: (citeFirst: readonly string[]) => DocumentView): DocumentView;
}

/** Reads OLD (an output folder, a pack, a document PDF or a data folder); a one-line error where it cannot. */
export async function readBaseline(target: string | undefined, cwd?: string): Promise<Baseline | undefined> {
  if (target === undefined) return undefined;
  if (target.trim() === '') throw new UsageError('--since is empty: it wants an earlier output folder or pack, e.g. --since output-may');
  const { readEdition, documentChanges } = await import('../editions/index.js');
  let edition: Edition;
  try {
    edition = await readEdition(resolve(cwd ?? '.', target));
  } catch (error) {
    const why = error instanceof BriefError ? error.message : error instanceof Error ? error.message.split('\n')[0] : String(error);
    // The reader's message names the path and what it expected there.
    throw new UsageError(`--since: the earlier edition cannot be read: ${why}`);
  }
  const since = { number: edition.number + 1, previousAsOf: edition.asOf };
  const documents = [...edition.documents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = createHash('sha256').update(JSON.stringify({ since, records: edition.records, documents })).digest('hex');
  return { edition, since, digest, changesOf: (key, records, cited) => documentChanges(edition, key, records, cited) };
}

/** The document's key in the baseline: an audience's copy is compared as the plan's document it copies. */
export function baselineKey(spec: DocumentSpec): string {
  return spec.key.replace(/^audiences\/[^/]+\//, '');
}

/** How each document's view gains its edition and, where its facts changed, what changed. */
export function sinceStage(baseline: Baseline): SinceStage {
  // Every record of the data now, read once: a record a document no longer draws on but the data still holds is not withdrawn.
  let current: { facts: Facts; keys: Set<string> } | undefined;
  const inData = (facts: Facts) => {
    if (current?.facts !== facts) current = { facts, keys: new Set(recordsOfFacts(facts).map((r) => `${r.entity}:${r.id}`)) };
    return current.keys;
  };
  return {
    applyTo(view, spec, facts, rebuild) {
      const records = view.evidence.records;
      const held = inData(facts);
      const notes = view.endnotes.map((note) => note.claimId);
      const changes = baseline.changesOf(baselineKey(spec), records, notes).filter((c) => c.type !== 'removed' || !held.has(`${c.entity}:${c.id}`));
      const cite = sinceClaims(changes, records);
      const cited = cite.length > 0 ? rebuild(cite) : view;
      return withSince(cited, baseline.since, changes, { now: cited.evidence.records, before: baseline.edition.records });
    },
  };
}
