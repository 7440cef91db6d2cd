// What every store of a PDF's objects answers alike once it can give an object by number: a file
// read from its bytes (PdfFile) and the finished file finishing wrote (FinishedFile).
import { isDict, isRef, type ObjectEdit, type PdfDict, type PdfValue } from './pdf-objects.js';

export abstract class ObjectReader {
  /** The object: its value (a stream's dictionary for a stream) and a stream's data, still encoded. */
  abstract get(num: number): ObjectEdit | undefined;

  /** The object's value (a stream's dictionary for a stream). */
  object(num: number): PdfValue | undefined {
    return this.get(num)?.value;
  }

  /** A dictionary, following a reference if given one. */
  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return resolved !== undefined && isDict(resolved) ? resolved : undefined;
  }

  /** The value, following a reference. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value !== undefined && isRef(value) ? this.object(value.num) : value;
  }
}
