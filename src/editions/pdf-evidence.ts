// The facts.json files a PDF carries (issue 22): a document's one, or a pack's one per document,
// read from the catalog's /Names /EmbeddedFiles tree through the PDF reader, never by searching bytes.
import { get, inflate, isDict, isRef, nameAt, PdfFile, readNameTree, type PdfValue } from '../pdf/index.js';

/** Whether the bytes are a PDF file: its header, `%PDF-` (ISO 32000-1, 7.5.2). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return [0x25, 0x50, 0x44, 0x46, 0x2d].every((byte, i) => bytes[i] === byte);
}

/** Every embedded file's content that is JSON, in the tree's order; undefined where the file is not a PDF this reads. */
export function embeddedJson(bytes: Uint8Array): unknown[] | undefined {
  const file = PdfFile.read(bytes);
  if (!file) return undefined;
  const names = file.dict(file.catalog.get('Names'));
  const tree = readNameTree(file, names?.get('EmbeddedFiles'));
  return tree.entries.flatMap(([, spec]) => {
    const content = fileContent(file, spec);
    if (content === undefined) return [];
    try {
      return [JSON.parse(content.toString('utf8')) as unknown];
    } catch {
      return [];
    }
  });
}

/** An embedded file's bytes, decoded: the stream its file specification's /EF /F names. */
function fileContent(file: PdfFile, spec: PdfValue): Buffer | undefined {
  const ef = file.dict(file.dict(spec)?.get('EF'));
  const ref = get(ef, 'F', isRef) ?? get(ef, 'UF', isRef);
  if (!ref) return undefined;
  const stream = file.get(ref.num);
  if (!stream?.data || !isDict(stream.value)) return undefined;
  const filter = nameAt(stream.value, 'Filter');
  if (filter === undefined) return Buffer.from(stream.data);
  return filter === 'FlateDecode' ? inflate(stream.data) : undefined;
}
