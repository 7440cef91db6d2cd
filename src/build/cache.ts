// Incremental builds (issue 4 item 3): what a document and a whole run are made from, hashed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { RenderedDocument } from '../contracts/document.js';
import { listFiles } from '../fs/list-files.js';
import type { Shell } from '../pdf/types.js';
import type { Manifest, ManifestFile } from './manifest.js';
import type { OutputVerifier } from './verify-outputs.js';

/** What every document shares: the shell it is printed in, the fonts, the tool. */
export interface SharedInputs {
  shell: Shell;
  fonts: string[];
  tool: { name: string; version: string };
  /** Remote images let in (--allow-remote): what a PDF may show, and the HTML files' policy. */
  allowRemote: boolean;
}

/**
 * The input hash of one document. The rendered HTML already carries its data, templates, helpers
 * and options; the shell carries the styles; fonts count by package version.
 */
export function hashDocument(doc: RenderedDocument, shared: SharedInputs): string {
  const hash = createHash('sha256');
  const { spec, title, lang, bodyClass, body, pageCss, metadata, fit } = doc;
  hash.update(JSON.stringify({ spec, title, lang, bodyClass, pageCss, metadata, fit: fit ?? null }));
  hash.update('\0body\0').update(body);
  hash.update('\0shell\0').update(shared.shell.paper).update(shared.shell.html);
  hash.update(`\0${shared.fonts.join(',')}\0${shared.tool.name}@${shared.tool.version}\0${shared.allowRemote}`);
  return hash.digest('hex');
}

/**
 * The run hash: every raw input byte (data and template files), the options, the fonts and the
 * tool. Reading files is far cheaper than loading the renderer, so this decides a no-op run.
 */
export async function hashRun(
  folders: string[],
  options: unknown,
  shared: Omit<SharedInputs, 'shell' | 'allowRemote'> & { sourceDateEpoch?: number },
): Promise<string> {
  const hash = createHash('sha256');
  const epoch = shared.sourceDateEpoch === undefined ? null : String(shared.sourceDateEpoch);
  hash.update(JSON.stringify({ options, fonts: shared.fonts, tool: shared.tool, epoch }));
  for (const folder of folders) {
    const files = await listFiles(folder);
    const contents = await Promise.all(files.map((f) => readFile(f)));
    hash.update(`\0folder\0${folder}\0`);
    files.forEach((file, i) => {
      hash.update(`\0${relative(folder, file).split(sep).join('/')}\0`).update(contents[i] ?? '');
    });
  }
  return hash.digest('hex');
}

/** True when the earlier output of a document can be kept: same inputs, file still there with its recorded content. */
export async function canReuse(verifier: OutputVerifier, entry: ManifestFile | undefined, inputHash: string, path: string): Promise<boolean> {
  return entry !== undefined && entry.inputHash === inputHash && entry.path === path && (await verifier.check(entry));
}

/**
 * True when a whole run has nothing to do: same raw inputs, and every recorded file there with
 * its recorded sha256 (`intact`, from checkRecorded). A zip asked for must be there too, unless
 * the plan is incomplete (a partial build), when none can be made.
 */
export async function isRunUpToDate(manifest: Manifest | undefined, runHash: string, wantZip: boolean, intact: Promise<boolean>): Promise<boolean> {
  if (!manifest || manifest.runHash !== runHash) return false;
  if (wantZip && !manifest.zip && !manifest.missing?.length) return false;
  return intact;
}

/** True when every file the manifest records (the zip only if wanted) is there with its sha256. */
export async function checkRecorded(verifier: OutputVerifier, manifest: Manifest | undefined, wantZip: boolean): Promise<boolean> {
  if (!manifest) return false;
  return verifier.checkAll([...manifest.files, ...(manifest.pack ? [manifest.pack] : []), ...(wantZip && manifest.zip ? [manifest.zip] : [])]);
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
