// What a batch did, and its progress as it goes: what the CLI turns into a bar, lines or JSON.
import type { Format } from '../contracts/layouts.js';
import type { ProofFinding } from '../proof/index.js';

/** Progress, reported as it happens; the CLI turns these into a bar or lines. */
export interface BatchEvents {
  onPlan?(total: number): void;
  onDocumentStart?(key: string): void;
  onDocumentDone?(key: string, info: { path: string; pages: number; ms: number; skipped: boolean }): void;
  onWarning?(text: string): void;
}

/** What happened to one document. */
export interface DocumentOutcome {
  key: string;
  format: Format;
  /** Relative to the output folder. */
  path: string;
  pages: number;
  bytes: number;
  ms: number;
  skipped: boolean;
  /** What the proof found on its pages, where it was printed by this run (issue 18); [] for none. */
  proof?: ProofFinding[];
}

/**
 * When each stage of a run was reached, in ms from its start (issue 21): the data and templates
 * loaded, the browser's pages warm, the first document made, every document made, the run ended.
 * A stage the run did not reach (a no-op loads nothing) is left out.
 */
export type RunStages = Partial<Record<'loaded' | 'browserReady' | 'firstDocument' | 'documents' | 'ended', number>>;

/** What the finishers of a run are told of it. */
export interface RunReport {
  documents: DocumentOutcome[];
  started: number;
  browsersStarted: () => number;
  warnings: string[];
  stages: RunStages;
}

/** What a batch did. */
export interface BatchResult {
  outDir: string;
  documents: DocumentOutcome[];
  built: number;
  skipped: number;
  /** Nothing had changed: nothing was loaded, rendered or written. */
  noop: boolean;
  /** Browsers launched (or connected to) by this run. */
  browsersStarted: number;
  /** The pack, and how long deciding on it and making it took. */
  pack?: { path: string; pages: number; rebuilt: boolean; ms: number };
  zip?: { path: string; bytes: number };
  /** Each audience's pack and zip, where made or kept (paths relative to the output folder). */
  audiences?: { id: string; pack?: string; zip?: string }[];
  /** A shard build's record: its shard manifest's name, its documents there, and the whole plan's count. */
  shard?: { manifest: string; documents: number; plan: number };
  /** What the run recorded: manifest.json, or for a shard, its shard-K-of-N.json. */
  manifestPath: string;
  warnings: string[];
  ms: number;
  /** When each stage was reached (--json's `stages`). */
  stages?: RunStages;
}
