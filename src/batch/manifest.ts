// output/manifest.json: what a run wrote, and what the next run compares against (issue 4 item 4).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentChanges, Subject } from '../contracts/document.js';
import type { SinceEdition } from '../contracts/editions.js';
import type { Format } from '../contracts/layouts.js';
import type { Paper } from '../contracts/paper.js';
import type { Audience } from '../contracts/audience.js';

export const MANIFEST_NAME = 'manifest.json';
export const PACK_NAME = 'briefing-pack.pdf';
export const ZIP_NAME = 'briefing-pack.zip';

/** One output file, as its content was written: a file whose sha256 differs is not it. */
export interface ManifestFile {
  key: string;
  subject: Subject;
  format: Format;
  /** Relative to the output folder, with `/`. */
  path: string;
  title: string;
  /** Pages of a PDF; 0 for HTML. */
  pages: number;
  bytes: number;
  sha256: string;
  /** Hash of everything the file was made from (cache.ts). */
  inputHash: string;
  /** In a build with --since, what changed among its facts (issue 22); absent where nothing did. */
  changes?: DocumentChanges;
}

/** A file the run wrote besides the documents: the pack or the zip. */
export interface ManifestExtra {
  path: string;
  pages?: number;
  bytes: number;
  sha256: string;
  inputHash: string;
}

/** The run's options as recorded: what changes the outputs, not how fast they came. */
export interface ManifestOptions {
  data: string;
  templates: string;
  programmes: string[];
  topics: string[];
  formats: Format[];
  paper: Paper;
  distribution?: string;
  author?: string;
  shard?: string;
  zip: boolean;
  /** Remote images let in (--allow-remote). */
  allowRemote: boolean;
  /** The config's audiences, as given (absent: none). */
  audiences?: Omit<Audience, 'at'>[];
  /** Only these audiences' documents were asked for (--audience). */
  forAudiences?: string[];
}

/** An audience's pack and archive, and the documents they hold (issue 14). */
export interface ManifestAudience {
  id: string;
  title: string;
  /** Its marking; null for none. */
  distribution: string | null;
  /** Keys of its documents in `files`, in plan order: its own copies under audiences/<id>/ where its marking differs. */
  documents: string[];
  pack?: ManifestExtra;
  zip?: ManifestExtra;
}

export interface Manifest {
  tool: { name: string; version: string };
  /** Hash of every raw input of the run; equal and all files present means nothing to do. */
  runHash: string | null;
  options: ManifestOptions;
  /** Every document of the plan whose file is there, in plan order, whatever the run selected. */
  files: ManifestFile[];
  /**
   * Keys of the plan's documents not built (a partial build's, or never built): while any is
   * missing, the pack and the zip are left as they were. Absent when none is.
   */
  missing?: string[];
  pack?: ManifestExtra;
  zip?: ManifestExtra;
  /** Each audience's pack and archive, in the config's order (absent: no audiences). */
  audiences?: ManifestAudience[];
  /** A build with --since: this edition's number and the previous edition's as-of date (issue 22). */
  edition?: SinceEdition;
}

/** The manifest an earlier run left, or undefined when there is none or it is unreadable. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    return Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest as written: stable key order and a trailing newline, so two runs give equal bytes. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
