// Whether a build has anything to do (issue 4 item 3, issue 12), decided before anything is loaded:
// the inputs are hashed while the outputs the earlier manifest records are checked, both only
// reading files. Equal hashes and intact outputs mean nothing to do; otherwise the documents are
// rendered, and where every PDF will be printed the browser can start at once.
import { resolve } from 'node:path';
import { isPrinted, type Format } from '../contracts/layouts.js';
import { checkRecorded, hashRun, type RunHashes } from './input-hash.js';
import { readManifest, type Manifest, type ManifestOptions } from './manifest.js';
import type { OpenOutput } from './open-output.js';
import type { SettledOptions } from './options.js';
import { printedOptions } from './recorded-options.js';
import { readShardAsManifest } from './shard-manifest.js';

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

/** What a build is made from and what it has to do. */
export interface RunDecision {
  work: RunWork;
  previous: Manifest | undefined;
  hashes: RunHashes;
}

/** What the inputs beside the folders are: the fonts and the tool, whose versions change every output. */
export interface ToolInputs {
  fonts: string[];
  tool: { name: string; version: string };
}

/** Hashes the run's inputs, reads the earlier manifest and checks its outputs, and decides. */
export async function decideRun(output: OpenOutput, options: SettledOptions, recorded: ManifestOptions, zip: boolean, inputs: ToolInputs, baseline?: string): Promise<RunDecision> {
  const { shard } = options;
  const previousReady = shard ? readShardAsManifest(output.outDir, shard) : readManifest(output.outDir);
  // When the run does have work, the documents reuse these checks.
  const intact = options.force ? Promise.resolve(false) : previousReady.then((m) => checkRecorded(output.verifier, m, zip));
  intact.catch(() => {});
  const printed = shard ? printedOptions(recorded) : undefined;
  // A build with --since is made from its baseline too (issue 22): a changed baseline is never a no-op.
  const hashed = baseline === undefined ? recorded : { ...recorded, baseline };
  const hashes = await hashRun([resolve(options.dataDir), output.templatesDir], hashed, { ...inputs, sourceDateEpoch: options.sourceDateEpoch }, printed);
  const previous = await previousReady;
  const work = decideWork({ force: Boolean(options.force), zip, formats: options.formats, previous, runHash: hashes.runHash, outputsIntact: await intact });
  return { work, previous, hashes };
}

/** Nothing to do when the raw inputs are unchanged and every recorded output is intact; else the documents are rendered. */
export function decideWork(state: RunState): RunWork {
  const { previous } = state;
  if (!state.force && previous?.runHash === state.runHash && zipsThere(previous, state.zip) && state.outputsIntact) return { kind: 'nothing' };
  return { kind: 'render', printsAll: (state.force || !previous) && printsPdfs(state.formats) };
}

/** A forced build that prints PDFs prints them all, whatever the output folder holds: its browser can start before anything is read. */
export function forcedPrint(options: Pick<SettledOptions, 'force' | 'formats'>): boolean {
  return Boolean(options.force) && printsPdfs(options.formats);
}

function printsPdfs(formats: RunState['formats']): boolean {
  return !formats?.length || formats.some(isPrinted);
}

/** Every zip asked for is there, but those no run could make while documents are missing (a partial build's). */
function zipsThere(previous: Manifest, zip: boolean): boolean {
  if (!zip) return true;
  const missing = new Set(previous.missing ?? []);
  const whole = Boolean(previous.zip) || missing.size > 0;
  return whole && (previous.audiences ?? []).every((a) => Boolean(a.zip) || a.documents.some((key) => missing.has(key)));
}
