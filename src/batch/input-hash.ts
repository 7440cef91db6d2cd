// Incremental builds (issue 4 item 3): what a document and a whole run are made from, hashed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { RenderedDocument, Skeleton } from '../contracts/document.js';
import { listFiles } from '../fs/list-files.js';
import type { Manifest, ManifestFile } from './manifest.js';
import type { OutputVerifier } from './verify-outputs.js';

/** What every document shares: the skeleton it is printed in, the fonts, the tool. */
export interface SharedInputs {
  skeleton: Skeleton;
  fonts: string[];
  tool: { name: string; version: string };
  /** Remote images let in (--allow-remote): what a PDF may show, and the HTML files' policy. */
  allowRemote: boolean;
}

/**
 * The input hash of one document. The rendered HTML already carries its data, templates, helpers
 * and options; the skeleton carries the styles; fonts count by package version.
 */
export function hashDocument(doc: RenderedDocument, shared: SharedInputs): string {
  const hash = createHash('sha256');
  const { key, spec, title, lang, bodyClass, body, pageCss, metadata, fit, attachments, pdfWords } = doc;
  hash.update(JSON.stringify({ key, spec: spec ?? null, title, lang, bodyClass, pageCss, metadata, fit: fit ?? null, attachments: attachments ?? null, pdfWords }));
  hash.update('\0body\0').update(body);
  // The separator keeps the skeleton's old name, "shell": every recorded input hash depends on it.
  hash.update('\0shell\0').update(shared.skeleton.paper).update(shared.skeleton.html);
  hash.update(`\0${shared.fonts.join(',')}\0${shared.tool.name}@${shared.tool.version}\0${shared.allowRemote}`);
  return hash.digest('hex');
}

/** What a run is made from: every raw input's hash, and where asked, the plan's fingerprint. */
export interface RunHashes {
  /** Every raw input byte, the folders' places and every option: equal, and the outputs intact, means nothing to do. */
  runHash: string;
  /**
   * The same inputs by content alone (no folder's place, no selection, shard or zip), with the
   * options that change what is printed: equal on two machines, their documents are byte-identical,
   * so shards built with it can be assembled (issue 14).
   */
  fingerprint?: string;
}

/**
 * The run hash: every raw input byte (data and template files), the options, the fonts and the
 * tool. Reading files is far cheaper than loading the renderer, so this decides a no-op run.
 * With `printed` (the options that change what is printed), the plan's fingerprint too, from the same reads.
 */
export async function hashRun(
  folders: string[],
  options: unknown,
  shared: Omit<SharedInputs, 'skeleton' | 'allowRemote'> & { sourceDateEpoch?: number },
  printed?: unknown,
): Promise<RunHashes> {
  const hash = createHash('sha256');
  const epoch = shared.sourceDateEpoch === undefined ? null : String(shared.sourceDateEpoch);
  hash.update(JSON.stringify({ options, fonts: shared.fonts, tool: shared.tool, epoch }));
  const fingerprint = printed === undefined ? undefined : createHash('sha256');
  fingerprint?.update(JSON.stringify({ printed, fonts: shared.fonts, tool: shared.tool, epoch }));
  for (const [n, folder] of folders.entries()) {
    const files = await listFiles(folder);
    const contents = await Promise.all(files.map((f) => readFile(f)));
    hash.update(`\0folder\0${folder}\0`);
    fingerprint?.update(`\0folder\0${n}\0`);
    files.forEach((file, i) => {
      const name = `\0${relative(folder, file).split(sep).join('/')}\0`;
      hash.update(name).update(contents[i] ?? '');
      fingerprint?.update(name).update(contents[i] ?? '');
    });
  }
  return { runHash: hash.digest('hex'), ...(fingerprint ? { fingerprint: fingerprint.digest('hex') } : {}) };
}

/** True when the earlier output of a document can be kept: same inputs, file still there with its recorded content. */
export async function canReuse(verifier: OutputVerifier, entry: ManifestFile | undefined, inputHash: string, path: string): Promise<boolean> {
  return entry !== undefined && entry.inputHash === inputHash && entry.path === path && (await verifier.check(entry));
}

/** True when every file the manifest records (the zips only if wanted) is there with its sha256. */
export async function checkRecorded(verifier: OutputVerifier, manifest: Manifest | undefined, wantZip: boolean): Promise<boolean> {
  if (!manifest) return false;
  const extras = [manifest, ...(manifest.audiences ?? [])].flatMap((m) => [m.pack, wantZip ? m.zip : undefined]);
  return verifier.checkAll([...manifest.files, ...extras.filter((extra) => extra !== undefined)]);
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
