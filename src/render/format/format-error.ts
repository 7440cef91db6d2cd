// Input a formatter cannot format as asked: the helper that called it names the template's line.

/** Thrown by a formatter; its message completes "<helper> ...", e.g. "md cannot render ...". */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}
