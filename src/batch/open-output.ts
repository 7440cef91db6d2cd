// The output folder, opened for a run: refused where it would mix with the inputs, locked against a
// second build, and the writer and verifier every output goes through.
import { existsSync } from 'node:fs';
import { rmdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { BUNDLED_TEMPLATES } from '../package.js';
import { lockOutput, ReadOnlyOutputError } from './lock.js';
import { describeConflict, findOutFolderConflict } from './out-folder.js';
import { OutputWriter } from './output-writer.js';
import { OutputVerifier } from './verify-outputs.js';

export interface OpenOutput {
  outDir: string;
  /** The templates folder at work: the one given, else the bundled one. */
  templatesDir: string;
  writer: OutputWriter;
  verifier: OutputVerifier;
  /** Removes open temporary files, saves the fingerprints, lets go of the lock; says why a release failed. */
  close(): Promise<string | undefined>;
  /** Throws when the folder was opened read-only (no lock): called once a run knows it has something to write. */
  requireWritable(): void;
}

/** Where the output folder is, what it must not mix with, and whether a folder nobody can write in may be opened to read (no lock taken). */
export interface OutputFolderOptions {
  outDir: string;
  dataDir: string;
  templatesDir?: string;
  /** A run that may have nothing to write (a no-op build) opens a read-only folder without a lock (issue 20). */
  readOnlyOk?: boolean;
}

export async function openOutput(options: OutputFolderOptions): Promise<OpenOutput> {
  const outDir = resolve(options.outDir);
  const templatesDir = resolve(options.templatesDir ?? BUNDLED_TEMPLATES);
  const conflict = await findOutFolderConflict(outDir, { dataDir: resolve(options.dataDir), templatesDir, templatesBundled: !options.templatesDir });
  if (conflict) throw new UsageError(`the output folder ${outDir} ${describeConflict(conflict)}; choose an output folder outside the inputs`);
  // Checked before the output folder is made: a run refused for its inputs writes nothing.
  if (options.templatesDir && !existsSync(templatesDir)) throw new UsageError(`templates folder not found: ${options.templatesDir}`);
  // A folder this run made and left empty (a run refused for its data or templates) is taken away again.
  const made = !existsSync(outDir);
  let readOnly: ReadOnlyOutputError | undefined;
  const release = await lockOutput(outDir).catch((error: unknown) => {
    if (!(options.readOnlyOk && error instanceof ReadOnlyOutputError)) throw error;
    // Nobody can write here, so no other build can either: reading it needs no lock.
    readOnly = error;
    return async () => undefined;
  });
  const writer = new OutputWriter(outDir);
  const verifier = new OutputVerifier(outDir);
  return {
    outDir,
    templatesDir,
    writer,
    verifier,
    async close() {
      await writer.temps.removeAll();
      await verifier.save();
      const unreleased = await release();
      if (made) await rmdir(outDir).catch(() => undefined);
      return unreleased;
    },
    requireWritable() {
      if (readOnly) throw readOnly;
    },
  };
}
