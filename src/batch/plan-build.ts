// The build's planner (issue 12, issue 17): pure decisions from the data and the run's selection
// to every output the run writes. No file is read and no browser started here; the document makers
// and the finishers act on what it names.
import type { Audience } from '../contracts/audience.js';
import { isPrinted } from '../contracts/layouts.js';
import { planDocuments, type Selection } from '../documents/plan.js';
import { UsageError } from '../errors.js';
import type { Facts } from '../facts/facts.js';
import { suggestName } from '../text/closest-name.js';
import { PACK_NAME, ZIP_NAME } from './manifest.js';
import { audienceFolder, planAudiences, type PackPlan, type PlannedSpec } from './plan-audiences.js';
import { selectShard, type Shard } from './shard.js';

/** What a run is asked to render, beside the data. */
export interface BuildRequest {
  selection: Selection;
  shard?: Shard;
  audiences?: readonly Audience[];
  /** Only these audiences' documents and packs (--audience); empty: all. */
  forAudiences?: readonly string[];
  /** The run's marking: --distribution, else the data's; null for none. */
  marking: string | null;
}

/** The documents a run renders, and the whole plan its manifest, packs and zips describe. */
export interface BuildPlan {
  /** The documents this run renders (its selection and shard), in plan order. */
  specs: PlannedSpec[];
  /** Every document of the data, whatever this run selected: each subject's, then each audience's own copies. */
  plan: PlannedSpec[];
  /**
   * The packs of the plan, the whole plan's first, then each audience's. A pack this run renders
   * every PDF of is `selected` (an `--audience` build selects its audience's pack): it is written.
   * Any other is written once every PDF it holds is there, and otherwise left as it was.
   */
  packs: PackPlan[];
  /** How many of `specs` are PDFs: no more pages are opened than that. */
  pdfCount: number;
  /** The run prints every PDF of the plan, so the pack can be merged as they print. */
  selectsEveryPdf: boolean;
}

export function planBuild(facts: Facts, request: BuildRequest): BuildPlan {
  const base = planDocuments(facts);
  const known = { programmes: [...facts.programmes.keys()], topics: [...facts.topics.keys()] };
  const audiences = request.audiences ?? [];
  const { variants, packs } = planAudiences(base, audiences, known, request.marking);
  const plan: PlannedSpec[] = [...base, ...variants];
  const everyone: PackPlan = { path: PACK_NAME, zipPath: ZIP_NAME, keys: base.map((spec) => spec.key), distribution: request.marking, selected: false };
  // --programme, --topic and --format pick subjects and formats: an audience's copies of them too.
  const picked = new Set(planDocuments(facts, request.selection).map((spec) => spec.key));
  const audienceKeys = pickAudiences(packs, audiences, request.forAudiences ?? []);
  const wanted = plan.filter((spec) => picked.has(baseKeyOf(spec)) && (!audienceKeys || audienceKeys.has(spec.key)));
  const specs = selectShard(wanted, request.shard);
  const pdfCount = specs.filter((spec) => isPrinted(spec.format)).length;
  const printedNow = new Set(specs.filter((spec) => isPrinted(spec.format)).map((spec) => spec.key));
  const allPacks = [everyone, ...packs].map((pack) => ({ ...pack, selected: selectsPack(pack, printedNow, plan) }));
  return { specs, plan, packs: allPacks, pdfCount, selectsEveryPdf: pdfCount === plan.filter((spec) => isPrinted(spec.format)).length };
}

/** Whether this run prints every PDF the pack holds. */
function selectsPack(pack: PackPlan, printedNow: ReadonlySet<string>, plan: readonly PlannedSpec[]): boolean {
  const keys = new Set(pack.keys);
  const pdfs = plan.filter((spec) => keys.has(spec.key) && isPrinted(spec.format));
  return pdfs.length > 0 && pdfs.every((spec) => printedNow.has(spec.key));
}

/** The key of the document an audience's copy is a copy of; a document's own key otherwise. */
function baseKeyOf(spec: PlannedSpec): string {
  return spec.audience ? spec.key.slice(audienceFolder(spec.audience).length + 1) : spec.key;
}

/** The keys of the audiences --audience names, or undefined for all; an unknown id is a usage error. */
function pickAudiences(packs: readonly PackPlan[], audiences: readonly Audience[], ids: readonly string[]): Set<string> | undefined {
  if (ids.length === 0) return undefined;
  const known = audiences.map((a) => a.id);
  for (const id of ids) {
    if (known.length === 0) throw new UsageError(`--audience ${id}: the config file lists no audiences`);
    if (!known.includes(id)) throw new UsageError(`--audience ${id}: no audience "${id}" in the config file; ${suggestName(id, known)}`);
  }
  return new Set(packs.filter((pack) => pack.audience && ids.includes(pack.audience.id)).flatMap((pack) => pack.keys));
}
