// The batch's planner (issue 12): pure decisions, from the plan and the previous manifest to the
// work to do. No file is read and no browser started here; the executor and the finishers act on
// what it decides.
import type { Audience } from '../contracts/audience.js';
import type { Format } from '../contracts/document.js';
import { planDocuments, type Selection } from '../documents/plan.js';
import { UsageError } from '../errors.js';
import type { Facts } from '../facts/facts.js';
import { suggestName } from '../text/closest-name.js';
import { PACK_NAME, ZIP_NAME, type Manifest } from './manifest.js';
import { audienceFolder, planAudiences, type PackPlan, type PlannedSpec } from './plan-audiences.js';
import { selectShard, type Shard } from './shard.js';

/** What the run can know before it loads anything: the inputs' hash and what is on disk. */
export interface RunState {
  force: boolean;
  zip: boolean;
  formats?: Format[];
  /** The manifest an earlier run left, if any (a shard's: its shard manifest). */
  previous: Manifest | undefined;
  /** The hash of every raw input of this run (data, templates, options, fonts, tool). */
  runHash: string;
  /** Every file the previous manifest records (the zips only if wanted) is there with its sha256. */
  outputsIntact: boolean;
}

/** The work a run has, decided before anything is loaded. */
export type RunWork =
  | { kind: 'nothing' }
  | {
      kind: 'render';
      /** Every PDF will be printed (forced, or nothing built before): the browser can start at once. */
      printsAll: boolean;
    };

/** Nothing to do when the raw inputs are unchanged and every recorded output is intact; else the documents are rendered. */
export function planRun(state: RunState): RunWork {
  const { previous } = state;
  if (!state.force && previous?.runHash === state.runHash && zipsThere(previous, state.zip) && state.outputsIntact) return { kind: 'nothing' };
  const printsPdfs = !state.formats?.length || state.formats.some((format) => format !== 'html');
  return { kind: 'render', printsAll: (state.force || !previous) && printsPdfs };
}

/** Every zip asked for is there, but those no run could make while documents are missing (a partial build's). */
function zipsThere(previous: Manifest, zip: boolean): boolean {
  if (!zip) return true;
  const missing = new Set(previous.missing ?? []);
  const whole = Boolean(previous.zip) || missing.size > 0;
  return whole && (previous.audiences ?? []).every((a) => Boolean(a.zip) || a.documents.some((key) => missing.has(key)));
}

/** What a run is asked to render, beside the data. */
export interface WorkRequest {
  selection: Selection;
  shard?: Shard;
  audiences?: readonly Audience[];
  /** Only these audiences' documents (--audience); empty: all. */
  onlyAudiences?: readonly string[];
  /** The run's marking: --distribution, else the data's; null for none. */
  marking: string | null;
}

/** The documents a run renders, and the whole plan its manifest, packs and zips describe. */
export interface DocumentWork {
  /** The documents this run renders (its selection and shard), in plan order. */
  specs: PlannedSpec[];
  /** Every document of the data, whatever this run selected: each subject's, then each audience's own copies. */
  plan: PlannedSpec[];
  /** The whole plan's pack, then each audience's. */
  packs: PackPlan[];
  /** How many of `specs` are PDFs: no more pages are opened than that. */
  pdfCount: number;
  /** The run prints every PDF of the plan, so the pack can be merged as they print. */
  selectsEveryPdf: boolean;
}

export function planDocumentWork(facts: Facts, request: WorkRequest): DocumentWork {
  const base = planDocuments(facts);
  const known = { programmes: [...facts.programmes.keys()], topics: [...facts.topics.keys()] };
  const audiences = request.audiences ?? [];
  const { variants, packs } = planAudiences(base, audiences, known, request.marking);
  const plan: PlannedSpec[] = [...base, ...variants];
  const everyone: PackPlan = { path: PACK_NAME, zipPath: ZIP_NAME, keys: base.map((spec) => spec.key), distribution: request.marking };
  // --programme, --topic and --format pick subjects and formats: an audience's copies of them too.
  const picked = new Set(planDocuments(facts, request.selection).map((spec) => spec.key));
  const forAudiences = pickAudiences(packs, audiences, request.onlyAudiences ?? []);
  const wanted = plan.filter((spec) => picked.has(baseKeyOf(spec)) && (!forAudiences || forAudiences.has(spec.key)));
  const specs = selectShard(wanted, request.shard);
  const pdfCount = specs.filter((spec) => spec.format !== 'html').length;
  return { specs, plan, packs: [everyone, ...packs], pdfCount, selectsEveryPdf: pdfCount === plan.filter((spec) => spec.format !== 'html').length };
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
