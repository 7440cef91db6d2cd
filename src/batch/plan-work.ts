// The batch's planner (issue 12): pure decisions, from the plan and the previous manifest to the
// work to do. No file is read and no browser started here; the executor and the finishers act on
// what it decides.
import type { DocumentSpec, Format } from '../contracts/document.js';
import { planDocuments, type Selection } from '../documents/plan.js';
import type { Facts } from '../facts/facts.js';
import type { Manifest } from './manifest.js';
import { selectShard, type Shard } from './shard.js';

/** What the run can know before it loads anything: the inputs' hash and what is on disk. */
export interface RunState {
  force: boolean;
  zip: boolean;
  formats?: Format[];
  /** The manifest an earlier run left, if any. */
  previous: Manifest | undefined;
  /** The hash of every raw input of this run (data, templates, options, fonts, tool). */
  runHash: string;
  /** Every file the previous manifest records (the zip only if wanted) is there with its sha256. */
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
  // A zip asked for must be there too, unless the plan is incomplete (a partial build), when none can be made.
  const zipThere = !state.zip || Boolean(previous?.zip) || Boolean(previous?.missing?.length);
  if (!state.force && previous?.runHash === state.runHash && zipThere && state.outputsIntact) return { kind: 'nothing' };
  const printsPdfs = !state.formats?.length || state.formats.some((format) => format !== 'html');
  return { kind: 'render', printsAll: (state.force || !previous) && printsPdfs };
}

/** The documents a run renders, and the whole plan its manifest, pack and zip describe. */
export interface DocumentWork {
  /** The documents this run renders (its selection and shard), in plan order. */
  specs: DocumentSpec[];
  /** Every document of the data, whatever this run selected. */
  plan: DocumentSpec[];
  /** How many of `specs` are PDFs: no more pages are opened than that. */
  pdfCount: number;
  /** The run prints every PDF of the plan, so the pack can be merged as they print. */
  selectsEveryPdf: boolean;
}

export function planDocumentWork(facts: Facts, selection: Selection, shard: Shard | undefined): DocumentWork {
  const specs = selectShard(planDocuments(facts, selection), shard);
  const plan = planDocuments(facts);
  const pdfCount = specs.filter((spec) => spec.format !== 'html').length;
  return { specs, plan, pdfCount, selectsEveryPdf: pdfCount === plan.filter((spec) => spec.format !== 'html').length };
}
