// --zip: one archive of the outputs and the manifest, with yazl; fixed times so equal inputs give equal bytes.
import { isCompressedOutput } from '../contracts/layouts.js';

export interface ZipEntry {
  /** Path inside the archive, with `/`. */
  path: string;
  bytes: Uint8Array;
}

/** The archive's bytes; entries keep the order given. */
export async function zipOutputs(entries: ZipEntry[], mtime: Date): Promise<Buffer> {
  // CommonJS: its exports are read from `default`, the one name both Node and the bundle give it.
  const { ZipFile } = (await import('yazl')).default;
  const zip = new ZipFile();
  for (const entry of entries) {
    zip.addBuffer(Buffer.from(entry.bytes), entry.path, { mtime, mode: 0o100644, compress: !isCompressedOutput(entry.path) });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
