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
}
