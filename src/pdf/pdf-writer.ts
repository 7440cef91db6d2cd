// Writing a PDF object by object: a header, the objects (values written by the serialiser, or
// copied as the text they were read as when no edit changed them, stream data copied as it is),
// one classic cross-reference table and a trailer whose /ID is a hash of all that comes before
// it, so the same objects always give the same bytes.
import { createHash } from 'node:crypto';
import { PdfInlineDict, PdfRef, PdfString, type PdfDict, type PdfValue } from './pdf-objects.js';
import { writeValue } from './pdf-serialiser.js';

const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

export class PdfWriter {
  readonly #chunks: Uint8Array[] = [HEADER];
  readonly #offsets = new Map<number, number>();
  #length = HEADER.length;
  /** Text written since the last chunk: objects are gathered into large chunks, not one Buffer each. */
  #pending = '';
  #next: number;

  /** `firstFree`: the first object number `allocate()` hands out. */
  constructor(firstFree = 1) {
    this.#next = firstFree;
  }

  /** A new object number, above every one allocated before. */
  allocate(): number {
    return this.#next++;
  }

  /** Writes object `num` from its value; for a stream, the dictionary gives the data's /Length (withLength). */
  write(num: number, value: PdfValue, data?: Uint8Array): void {
    this.copy(num, writeValue(value), data);
  }

  /** Writes object `num` from a value read elsewhere, each reference renumbered as it is written. */
  writeRenumbered(num: number, value: PdfValue, renumber: (num: number) => number, data?: Uint8Array): void {
    this.copy(num, writeValue(value, renumber), data);
  }

  /** Writes object `num` as the text it was read as: an object no edit changed is copied, not written again. */
  copy(num: number, raw: string, data?: Uint8Array): void {
    if (this.#offsets.has(num)) throw new Error(`object ${num} written twice`);
    this.#offsets.set(num, this.#length + this.#pending.length);
    if (num >= this.#next) this.#next = num + 1;
    if (data) {
      this.#pending += `${num} 0 obj\n${raw}\nstream\n`;
      this.#flush();
      this.#chunks.push(data);
      this.#length += data.length;
      this.#pending = '\nendstream\nendobj\n';
    } else {
      this.#pending += `${num} 0 obj\n${raw}\nendobj\n`;
    }
    if (this.#pending.length > 1 << 16) this.#flush();
  }

  #flush(): void {
    if (this.#pending === '') return;
    this.#chunks.push(Buffer.from(this.#pending, 'latin1'));
    this.#length += this.#pending.length;
    this.#pending = '';
  }

  /** The cross-reference table and trailer; the file's bytes. */
  finish(trailer: { root: number; info?: number }): Buffer {
    const size = this.#next;
    // Numbers never used are free entries, linked from entry 0 in order (ISO 32000-1, 7.5.4).
    const free = [0];
    for (let num = 1; num < size; num++) if (!this.#offsets.has(num)) free.push(num);
    const nextFree = new Map(free.map((num, i) => [num, free[i + 1] ?? 0]));
    const entries: string[] = [];
    for (let num = 0; num < size; num++) {
      const offset = this.#offsets.get(num);
      entries.push(
        offset === undefined
          ? `${String(nextFree.get(num)).padStart(10, '0')} ${num === 0 ? '65535' : '00001'} f \n`
          : `${String(offset).padStart(10, '0')} 00000 n \n`,
      );
    }
    this.#flush();
    const xrefAt = this.#length;
    const hash = createHash('sha256');
    for (const chunk of this.#chunks) hash.update(chunk);
    const id = new PdfString(`<${hash.digest('hex').slice(0, 32).toUpperCase()}>`);
    const dict = new PdfInlineDict([
      ['Size', size],
      ['Root', new PdfRef(trailer.root)],
    ]);
    if (trailer.info !== undefined) dict.set('Info', new PdfRef(trailer.info));
    dict.set('ID', [id, id]);
    this.#pending = `xref\n0 ${size}\n${entries.join('')}trailer\n${writeValue(dict)}\nstartxref\n${xrefAt}\n%%EOF\n`;
    this.#flush();
    return Buffer.concat(this.#chunks, this.#length);
  }
}

/** A stream's dictionary: the entries given, then /Length set to the data's. */
export function withLength(entries: PdfDict, data: Uint8Array): PdfDict {
  const dict: PdfDict = new Map(entries);
  dict.delete('Length');
  dict.set('Length', data.length);
  return dict;
}
