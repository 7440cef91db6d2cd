// Whatever an edition was kept as (issue 22): a data folder, an output folder (its manifest and the
// facts.json each PDF it lists carries), a pack, one document's PDF or a facts.json file alone.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Edition } from '../contracts/editions.js';
import { EditionError, EXIT } from '../errors.js';
import { readDataEdition } from './data-edition.js';
import { editionOfDocuments, isEvidence, readEvidence, type DocumentEvidence } from './evidence-edition.js';
import { embeddedJson, looksLikePdf } from './pdf-evidence.js';

/** The file a build writes in its output folder, listing every document it wrote. */
const MANIFEST = 'manifest.json';
const EXPECTED = 'expected a data folder, an output folder, a pack or a document PDF';

/** The edition `target` holds; an EditionError naming the path and what was expected where it holds none. */
export async function readEdition(target: string): Promise<Edition> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new EditionError(`${target}: no such file or folder; ${EXPECTED}`, EXIT.usage);
  if (!info.isDirectory()) return editionOfDocuments(await evidenceOfFile(target, target));
  const manifest = await readFile(path.join(target, MANIFEST), 'utf8').catch(() => undefined);
  return manifest === undefined ? readDataEdition(target) : readOutputFolder(target, manifest);
}

async function readOutputFolder(dir: string, text: string): Promise<Edition> {
  const where = path.join(dir, MANIFEST);
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw new EditionError(`${where}: not JSON; expected the manifest a build writes`);
  }
  const files = typeof manifest === 'object' && manifest !== null && Array.isArray((manifest as { files?: unknown }).files)
    ? ((manifest as { files: unknown[] }).files)
    : undefined;
  if (!files) throw new EditionError(`${where}: no "files" list; expected the manifest a build writes`);
  const documents: DocumentEvidence[] = [];
  for (const file of files) {
    const relative = typeof file === 'object' && file !== null ? (file as { path?: unknown }).path : undefined;
    if (typeof relative !== 'string') throw new EditionError(`${where}: a file without a "path"; expected the manifest a build writes`);
    const absolute = path.join(dir, relative);
    const bytes = await readFile(absolute).catch(() => {
      throw new EditionError(`${absolute}: listed in ${where} but not there; build again or compare another folder`);
    });
    // HTML documents carry no facts.json: the brief of the same subject gives its facts.
    if (looksLikePdf(bytes)) documents.push(...evidenceOfPdf(bytes, absolute, false));
  }
  if (documents.length === 0) throw new EditionError(`${where}: lists no PDF that carries facts.json; ${EXPECTED}`);
  return editionOfDocuments(documents);
}

async function evidenceOfFile(file: string, shown: string): Promise<DocumentEvidence[]> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new EditionError(`${shown}: cannot be read (${error.code ?? error.message}); ${EXPECTED}`);
  });
  if (looksLikePdf(bytes)) return evidenceOfPdf(bytes, shown, true);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!isEvidence(parsed)) throw new EditionError(`${shown}: neither a PDF nor a facts.json; ${EXPECTED}`);
  return [readEvidence(parsed)];
}

function evidenceOfPdf(bytes: Uint8Array, shown: string, required: boolean): DocumentEvidence[] {
  const files = embeddedJson(bytes);
  if (!files) throw new EditionError(`${shown}: a PDF this tool cannot read; expected a document or pack built by brief`);
  const evidence = files.filter(isEvidence).map(readEvidence);
  if (evidence.length === 0 && required) throw new EditionError(`${shown}: a PDF without facts.json; expected a document or pack built by brief`);
  return evidence;
}
