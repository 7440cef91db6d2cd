// The finished PDF as objects (issue 21): what finishing wrote, over the printed file it copied
// the rest from, so that a reader of the finished document (the proof) has its pages, content,
// fonts and structure tree without parsing the finished bytes again. An object finishing copied
// as written is the printed file's, parsed once for both; an object it wrote is the value written.
import type { PdfFile } from './pdf-file.js';
import { PdfRef, type ObjectEdit, type PdfDict, type PdfValue } from './pdf-objects.js';
import { ObjectReader } from './object-reader.js';
import { PdfWriter } from './pdf-writer.js';

/** What a reader of a PDF's pages asks of it: a file read from its bytes (PdfFile), or a FinishedFile. */
export interface PdfObjects {
  /** The object: its value (a stream's dictionary for a stream) and a stream's data, still encoded. */
  get(num: number): ObjectEdit | undefined;
  object(num: number): PdfValue | undefined;
  dict(value: PdfValue | undefined): PdfDict | undefined;
  resolve(value: PdfValue | undefined): PdfValue | undefined;
  readonly catalog: PdfDict;
  /** The pages in order, by object number, and the page-tree nodes above them. */
  pages(): { pages: number[]; nodes: number[] };
}

export class FinishedFile extends ObjectReader implements PdfObjects {
  readonly #printed: PdfFile;
  readonly #written: ReadonlyMap<number, ObjectEdit>;
  readonly #pages: { pages: number[]; nodes: number[] };
  readonly #root: PdfRef;

  /** `pages`: the printed file's page tree, which finishing leaves as it is. */
  constructor(printed: PdfFile, written: ReadonlyMap<number, ObjectEdit>, pages: { pages: number[]; nodes: number[] }) {
    super();
    this.#printed = printed;
    this.#written = written;
    this.#pages = pages;
    this.#root = printed.root;
  }

  get(num: number): ObjectEdit | undefined {
    return this.#written.get(num) ?? this.#printed.get(num);
  }

  get catalog(): PdfDict {
    return this.dict(this.#root) ?? new Map();
  }

  pages(): { pages: number[]; nodes: number[] } {
    return this.#pages;
  }
}

/** A writer that keeps each value it writes (a copied object is the file's it was read from): the FinishedFile's objects. */
export class KeepingWriter extends PdfWriter {
  readonly written = new Map<number, ObjectEdit>();

  override write(num: number, value: PdfValue, data?: Uint8Array): void {
    this.written.set(num, data ? { value, data } : { value });
    super.write(num, value, data);
  }
}
