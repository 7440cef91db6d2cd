// What a batch is asked to do: the options of `brief build` and `brief assemble`, as values (no
// flags, no console). What it did is in result.ts.
import type { Format } from '../contracts/layouts.js';
import type { Paper } from '../contracts/paper.js';
import type { Audience } from '../contracts/audience.js';
import type { RunSettings } from '../contracts/run-defaults.js';
import type { Shard } from './shard.js';

/** Options of one batch. */
export interface BatchOptions {
  /** The data folder. */
  dataDir: string;
  /** The output folder; locked for the run. */
  outDir: string;
  /** The templates folder; default: the bundled templates. */
  templatesDir?: string;
  /** The folder messages show paths relative to (the working folder of a command); default: absolute paths. */
  cwd?: string;
  /** The environment the browser is found and launched in (PATH, PUPPETEER_EXECUTABLE_PATH); default: this process's. */
  env?: NodeJS.ProcessEnv;
  /** Programme ids to build; empty: all. */
  programmes?: string[];
  /** Topic ids to build; empty: all. */
  topics?: string[];
  /** Formats to build; empty: all. */
  formats?: Format[];
  /** Default: RUN_DEFAULTS.paper, applied once as the run starts. */
  paper?: Paper;
  /** Overrides the dataset's distribution marking. */
  distribution?: string;
  /** Overrides the dataset's author or office. */
  author?: string;
  /** Render every document, whatever the manifest says. */
  force?: boolean;
  /** A fault the proof finds on a printed page fails its document instead of a warning (issue 18). */
  strict?: boolean;
  /** Also write output/briefing-pack.zip. */
  zip?: boolean;
  /** Build only this part of the plan: its documents and a shard manifest, for `assembleShards` (no pack, zip or manifest.json). */
  shard?: Shard;
  /** Who packs are made for: each gets audiences/<id>/briefing-pack.pdf (and a zip with `zip`) with its marking. */
  audiences?: Audience[];
  /** Build only these audiences' documents (ids of `audiences`); empty: all. */
  forAudiences?: string[];
  /** Pages rendering at once; default: the number of cores. */
  concurrency?: number;
  /** A browser executable to launch. */
  browserPath?: string;
  /** A running browser to connect to instead (puppeteer.connect). */
  wsEndpoint?: string;
  /** A document that takes longer fails with its name. */
  timeoutMs?: number;
  /** Let pages load http(s) images. */
  allowRemote?: boolean;
  /** The date written into every document, in seconds since 1970 (SOURCE_DATE_EPOCH); default: the data's as-of date. */
  sourceDateEpoch?: number;
  /** Aborts the run: printing stops, temporary files are removed, earlier outputs kept. */
  signal?: AbortSignal;
  /**
   * An earlier edition (output folder, pack, document PDF or data folder) to compare with: the
   * documents say what changed since it, and the edition counts up from it (issue 22).
   */
  since?: string;
}

/** Options of `brief assemble`: shards' folders in, the whole plan's outputs out, from the same inputs and options the shards were built with. */
export interface AssembleOptions extends Omit<BatchOptions, 'programmes' | 'topics' | 'shard' | 'forAudiences' | 'force' | 'since'> {
  /** The shards' folders (or their shard manifests). */
  shards: string[];
}

/** The options of a run once its defaults are applied (contracts/run-defaults.ts): what every step downstream takes. */
export type SettledOptions<T extends BatchOptions | AssembleOptions = BatchOptions> = T & RunSettings;
